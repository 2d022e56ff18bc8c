package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.IntList;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Option;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Value;

/** Checks of what a run is made of: seed, data, model and training recipe. */
final class SetupChecks extends CheckRules {

    SetupChecks(Problems problems) {
        super(problems);
    }

    void seed(Stmt.Seed seed) {
        numbers.whole(seed.value(), "'seed'", 0, Long.MAX_VALUE);
    }

    void data(Stmt.Data data) {
        options.noRepeats(data.options());
        if (names.known(data.dataset(), Vocabulary.DATASETS)) {
            options.applicable(data.options(), Vocabulary.DATA_OPTIONS, data.dataset().text());
            options.required(data.options(), Vocabulary.DATA_OPTIONS, data.dataset());
        }
        for (Option option : data.options().all()) {
            Value value = option.value();
            String subject = "'" + option.key().text() + "'";
            switch (option.key()) {
                case LIMIT, TEST_LIMIT, SAMPLES, TEST_SAMPLES, FEATURES, HOLDOUT ->
                        numbers.whole((Num) value, subject, 1, NumberRules.MAX_INT);
                case CLASSES -> numbers.whole((Num) value, subject, 2, NumberRules.MAX_INT);
                case NOISE -> numbers.atLeast((Num) value, subject, 0);
                case SEED -> numbers.whole((Num) value, subject, 0, Long.MAX_VALUE);
                case STD -> ((IntList) value).items().forEach(n -> numbers.above(n, "a std", 0));
                default -> {
                }
            }
        }
        int channels = data.dataset().text().equals("cifar10") ? 3 : 1;
        for (OptionKey key : new OptionKey[]{OptionKey.MEAN, OptionKey.STD}) {
            data.options().intList(key).ifPresent(list -> {
                if (list.items().size() != channels) {
                    problems.error(list.span(), "'" + key.text() + "' needs " + channels + " value" + (channels == 1 ? "" : "s")
                            + " (one per channel of " + data.dataset().text() + "), found " + list.items().size());
                }
            });
        }
        data.options().number(OptionKey.HOLDOUT).ifPresent(holdout -> {
            var size = data.options().number(OptionKey.LIMIT).or(() -> data.options().number(OptionKey.SAMPLES));
            if (size.isPresent() && holdout.isWhole() && size.get().isWhole()
                    && holdout.longValue() >= size.get().longValue()) {
                problems.error(holdout.span(), "'holdout' must leave training samples: " + holdout.text()
                        + " of " + size.get().text() + " would leave none");
            }
        });
        if (data.options().has(OptionKey.MEAN) != data.options().has(OptionKey.STD)) {
            problems.error(data.dataset().span(), "normalisation needs both 'mean' and 'std', or neither");
        }
    }

    void model(Stmt.Model model) {
        options.noRepeats(model.options());
        if (names.known(model.model(), Vocabulary.MODELS)) {
            options.applicable(model.options(), Vocabulary.MODEL_OPTIONS, model.model().text(), true);
        }
        model.options().intList(OptionKey.HIDDEN).ifPresent(hidden -> hidden.items()
                .forEach(size -> numbers.whole(size, "a hidden layer size", 1, NumberRules.MAX_INT)));
        model.options().number(OptionKey.WIDTH).ifPresent(width -> numbers.aboveAtMost(width, "'width'", 0, 4));
    }

    void train(Stmt.Train train) {
        options.noRepeats(train.options());
        train.options().find(OptionKey.OPTIMIZER).ifPresent(optimizer -> {
            var name = ((Ident) optimizer.value()).name();
            if (names.known(name, Vocabulary.OPTIMIZERS)) {
                options.applicable(train.options(), Vocabulary.OPTIMIZER_OPTIONS, name.text());
            }
        });
        train.options().find(OptionKey.DECAY).ifPresent(decay -> {
            var name = ((Ident) decay.value()).name();
            if (names.known(name, Vocabulary.DECAYS) && !name.text().equals("multistep")) {
                train.options().find(OptionKey.MILESTONES).ifPresent(m -> problems.error(m.keySpan(),
                        "'milestones' belong to 'decay multistep', not 'decay " + name.text() + "'"));
            }
        });
        train.options().quantityList(OptionKey.MILESTONES).ifPresent(list -> {
            for (Quantity q : list.items()) {
                if (q.unit() == Quantity.Unit.STEPS) {
                    problems.error(q.span(), "milestones are epochs or percent of training (the rate changes"
                            + " at epoch boundaries), found '" + q.amount().text() + " steps'");
                } else {
                    numbers.atLeast(q.amount(), "a milestone", 0);
                }
            }
        });
        train.options().quantity(OptionKey.WARMUP).ifPresent(q -> numbers.atLeast(q.amount(), "'warmup'", 0));
        for (Option option : train.options().all()) {
            String subject = "'" + option.key().text() + "'";
            if (!(option.value() instanceof Num n)) {
                continue;
            }
            switch (option.key()) {
                case EPOCHS, BATCH -> numbers.whole(n, subject, 1, NumberRules.MAX_INT);
                case LR -> numbers.above(n, subject, 0);
                case MOMENTUM -> numbers.unitInterval(n, subject);
                case WEIGHT_DECAY -> numbers.atLeast(n, subject, 0);
                case GAMMA -> numbers.above(n, subject, 0);
                case LABEL_SMOOTHING -> numbers.unitInterval(n, subject);
                case CROP -> numbers.whole(n, subject, 0, 64);
                default -> {
                }
            }
        }
    }
}

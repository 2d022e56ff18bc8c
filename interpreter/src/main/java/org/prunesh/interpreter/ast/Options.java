package org.prunesh.interpreter.ast;

import java.util.List;
import java.util.Optional;

/**
 * The options of one statement in source order, with lookup by key. When a key is given twice
 * (which the checker reports) lookups see the first occurrence.
 */
public record Options(List<Option> all) {

    public static final Options NONE = new Options(List.of());

    public Options {
        all = List.copyOf(all);
    }

    public Optional<Option> find(OptionKey key) {
        return all.stream().filter(o -> o.key() == key).findFirst();
    }

    public boolean has(OptionKey key) {
        return find(key).isPresent();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public Optional<Value> value(OptionKey key) {
        return find(key).map(Option::value);
    }

    public Optional<Num> number(OptionKey key) {
        return typed(key, Num.class);
    }

    public Optional<Str> string(OptionKey key) {
        return typed(key, Str.class);
    }

    /** The text of a name-valued option, e.g. {@code "sgd"} for {@code optimizer sgd}. */
    public Optional<String> name(OptionKey key) {
        return typed(key, Ident.class).map(i -> i.name().text());
    }

    public Optional<Quantity> quantity(OptionKey key) {
        return typed(key, Quantity.class);
    }

    public Optional<QuantityList> quantityList(OptionKey key) {
        return typed(key, QuantityList.class);
    }

    public Optional<IntList> intList(OptionKey key) {
        return typed(key, IntList.class);
    }

    /** True when a flag option such as {@code nesterov} is present. */
    public boolean flag(OptionKey key) {
        return typed(key, Flag.class).isPresent();
    }

    private <T extends Value> Optional<T> typed(OptionKey key, Class<T> type) {
        return value(key).filter(type::isInstance).map(type::cast);
    }
}

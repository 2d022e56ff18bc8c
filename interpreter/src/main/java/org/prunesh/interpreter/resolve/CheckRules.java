package org.prunesh.interpreter.resolve;

/** What every family of checks reports through: the problems found and the shared number, name and option rules. */
abstract class CheckRules {

    final Problems problems;
    final NumberRules numbers;
    final NameRules names;
    final OptionRules options;

    CheckRules(Problems problems) {
        this.problems = problems;
        this.numbers = new NumberRules(problems);
        this.names = new NameRules(problems);
        this.options = new OptionRules(problems);
    }
}

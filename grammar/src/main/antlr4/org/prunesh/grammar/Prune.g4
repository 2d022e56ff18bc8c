/*
 * prune-sh language, version 1.
 *
 * Statement heads and option keys are keywords; the names of things (data sets, models, schedule
 * kinds, scores, optimizers, scopes, exclusions, report and show targets) are plain identifiers
 * that the interpreter's checker resolves against its vocabularies, so that a new score or model
 * needs no grammar change and a misspelt one gets a precise message.
 *
 * Each option key fixes the form of its value here (lr takes a number, every a quantity, hidden a
 * list, path a string, nesterov nothing). Value rules are separate rules so that a syntax error
 * inside one can say what kind of value was expected.
 *
 * The interpreter parses one `statement` at a time and resynchronises at ';' itself; `script` is
 * the whole-file entry point for tools.
 */
grammar Prune;

script
    : statement* EOF
    ;

statement
    : seedStatement
    | dataStatement
    | modelStatement
    | trainStatement
    | scheduleStatement
    | selectStatement
    | scopeStatement
    | excludeStatement
    | letStatement
    | runStatement
    | evaluateStatement
    | reportStatement
    | showStatement
    ;

seedStatement     : SEED number SEMI ;
dataStatement     : DATA datasetName dataOption* SEMI ;
modelStatement    : MODEL modelName modelOption* SEMI ;
trainStatement    : TRAIN trainOption* SEMI ;
scheduleStatement : scheduleExpr SEMI ;
selectStatement   : selectExpr SEMI ;
scopeStatement    : SCOPE scopeName SEMI ;
excludeStatement  : EXCLUDE excludeItem (COMMA excludeItem)* SEMI ;
letStatement      : LET letName ASSIGN (scheduleExpr | selectExpr) SEMI ;
runStatement      : RUN string? SEMI ;
evaluateStatement : EVALUATE SEMI ;
reportStatement   : REPORT reportTarget SEMI ;
showStatement     : SHOW showTarget SEMI ;

dataOption
    : PATH string
    | LIMIT number
    | TEST_LIMIT number
    | SAMPLES number
    | TEST_SAMPLES number
    | FEATURES number
    | CLASSES number
    | NOISE number
    | SEED number
    ;

modelOption
    : HIDDEN_SIZES intList
    | WIDTH number
    ;

trainOption
    : EPOCHS number
    | BATCH number
    | OPTIMIZER optimizerName
    | LR number
    | MOMENTUM number
    | NESTEROV
    | WEIGHT_DECAY number
    ;

scheduleExpr : SCHEDULE scheduleKind scheduleOption* ;

scheduleOption
    : FROM fraction
    | TO fraction
    | START quantity
    | END quantity
    | AT quantity
    | EVERY quantity
    | EXPONENT number
    ;

selectExpr : SELECT stage (THEN stage)* ;
stage      : scoreName (RATIO fraction)? ;

excludeItem : ID | string ;

// Names of things: identifiers, one rule per role so that errors can name the role.
datasetName   : ID ;
modelName     : ID ;
optimizerName : ID ;
scheduleKind  : ID ;
scoreName     : ID ;
scopeName     : ID ;
letName       : ID ;
// Targets may also be statement words (`show schedule`), so later targets need no grammar change.
reportTarget  : target ;
showTarget    : target ;
target        : ID | SEED | DATA | MODEL | TRAIN | SCHEDULE | SELECT | SCOPE | EXCLUDE ;

// Values.
number   : NUMBER ;
fraction : NUMBER | PERCENT ;
quantity : NUMBER unit? | PERCENT ;
unit     : STEPS | STEP | EPOCHS | EPOCH ;
intList  : LBRACKET NUMBER (COMMA NUMBER)* RBRACKET ;
string   : STRING ;

// Keywords, in the order error messages list them.
SEED         : 'seed' ;
DATA         : 'data' ;
MODEL        : 'model' ;
TRAIN        : 'train' ;
SCHEDULE     : 'schedule' ;
SELECT       : 'select' ;
SCOPE        : 'scope' ;
EXCLUDE      : 'exclude' ;
LET          : 'let' ;
RUN          : 'run' ;
EVALUATE     : 'evaluate' ;
REPORT       : 'report' ;
SHOW         : 'show' ;

PATH         : 'path' ;
LIMIT        : 'limit' ;
TEST_LIMIT   : 'test_limit' ;
SAMPLES      : 'samples' ;
TEST_SAMPLES : 'test_samples' ;
FEATURES     : 'features' ;
CLASSES      : 'classes' ;
NOISE        : 'noise' ;

HIDDEN_SIZES : 'hidden' ;
WIDTH        : 'width' ;

EPOCHS       : 'epochs' ;
BATCH        : 'batch' ;
OPTIMIZER    : 'optimizer' ;
LR           : 'lr' ;
MOMENTUM     : 'momentum' ;
NESTEROV     : 'nesterov' ;
WEIGHT_DECAY : 'weight_decay' ;

FROM         : 'from' ;
TO           : 'to' ;
START        : 'start' ;
END          : 'end' ;
AT           : 'at' ;
EVERY        : 'every' ;
EXPONENT     : 'exponent' ;

RATIO        : 'ratio' ;
THEN         : 'then' ;

STEPS        : 'steps' ;
STEP         : 'step' ;
EPOCH        : 'epoch' ;

SEMI         : ';' ;
COMMA        : ',' ;
ASSIGN       : '=' ;
LBRACKET     : '[' ;
RBRACKET     : ']' ;

// A sign belongs to the number so that the checker, not the parser, says why -1 is wrong.
NUMBER  : '-'? DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ;
PERCENT : DIGITS ('.' DIGITS)? '%' ;
ID      : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)* ;
STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
// An opening quote without its closing one on the same line; reported by the parser.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? ;

COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n\f]+ -> skip ;
// Any other character becomes a token of its own, so that the parser reports it in context.
ERROR_CHAR : . ;

fragment DIGITS : [0-9]+ ;

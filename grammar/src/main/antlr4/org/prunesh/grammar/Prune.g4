/*
 * prune-sh language, version 3 (version 2 plus the STP statements of issue 6: space, budget,
 * stimulate, search, extract and the arch literal; issue 16 added `model ... arch NAME`,
 * stimulate's `min`, `uncapped`, `order` and `after`, search's `min` and `report search`).
 *
 * Statement heads and option keys are keywords; the names of things (data sets, models, schedule
 * kinds, scores, optimizers, scopes, granularities, curves, regrowth methods, initialisations,
 * counts, exclusions, export, report and show targets) are plain identifiers
 * that the interpreter's checker resolves against its vocabularies, so that a new score or model
 * needs no grammar change and a misspelt one gets a precise message.
 *
 * Each option key fixes the form of its value here (lr takes a number, start a quantity, hidden a
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
    | granularityStatement
    | countStatement
    | excludeStatement
    | regrowStatement
    | initStatement
    | letStatement
    | useStatement
    | runStatement
    | pruneStatement
    | evaluateStatement
    | exportStatement
    | reportStatement
    | sweepStatement
    | saveStatement
    | loadStatement
    | importStatement
    | showStatement
    | spaceStatement
    | budgetStatement
    | stimulateStatement
    | searchStatement
    | extractStatement
    ;

seedStatement        : SEED number SEMI ;
// `save "name";` keeps the current model (weights, masks, statistics); `load "name";` brings it back.
saveStatement        : SAVE string SEMI ;
// `import "common.prn";` evaluates another script here; its path is relative to the importing one.
importStatement      : IMPORT string SEMI ;
loadStatement        : LOAD string SEMI ;
// `sweep method in [fggp, gmp], seed in [1, 2] { select method; run; }` runs the body once per
// combination; the closing ';' is optional.
sweepStatement       : SWEEP sweepVar (COMMA sweepVar)* LBRACE statement* RBRACE SEMI? ;
sweepVar             : sweepName IN LBRACKET sweepValue (COMMA sweepValue)* RBRACKET ;
sweepName            : ID | SEED ;
// `off` is a keyword but also a value (of `expansion`), so that `sweep e in [mutate, off]` ablates expansion.
sweepValue           : ID | NUMBER | STRING | OFF ;
dataStatement        : DATA datasetName dataOption* SEMI ;
modelStatement       : MODEL modelName modelOption* SEMI ;
trainStatement       : TRAIN trainOption* SEMI ;
scheduleStatement    : scheduleExpr SEMI ;
selectStatement      : selectExpr SEMI ;
scopeStatement       : scopeExpr SEMI ;
granularityStatement : GRANULARITY granularityKind (nmPattern | normName)? SEMI ;
countStatement       : COUNT countKind SEMI ;
excludeStatement     : EXCLUDE excludeItem (COMMA excludeItem)* SEMI ;
regrowStatement      : REGROW regrowMethod regrowOption* SEMI ;
initStatement        : INIT initKind fraction? SEMI ;
letStatement         : LET letName ASSIGN (scheduleExpr | selectExpr | archExpr | block) SEMI ;
// `let gmp = { select magnitude; scope global; };` names statements; `use gmp;` runs them there.
block                : LBRACE statement* RBRACE ;
useStatement         : USE letName SEMI ;
runStatement         : RUN string? SEMI ;
// `prune now to 0.9 by fggp scope layerwise;` prunes the current model once, outside training.
pruneStatement       : PRUNE NOW TO fraction BY selection scopeExpr? SEMI ;
evaluateStatement    : EVALUATE SEMI ;
exportStatement      : EXPORT exportTarget TO string SEMI ;
// `report compare by test_accuracy;` compares the last sweep's runs (or the session's);
// `... against fggp;` (or `against method = fggp`) also pairs them by seed with that baseline.
reportStatement      : REPORT reportTarget (BY metricName)? (AGAINST baseline)? SEMI ;
baseline             : (ID ASSIGN)? sweepValue ;
showStatement        : SHOW showTarget SEMI ;

// STP. `space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125;`: depth choices per stage, width
// choices per stage (or, with `per block`, per block). Its clauses come in this order, so that
// none can be given twice.
spaceStatement       : SPACE DEPTH depthList WIDTH widthChoices (PER BLOCK)? (IMPORTANCE importanceName)?
                       (REFRESH interval)? SEMI ;
// `budget flops 0.35;` (or 35%): the share of the full network's FLOPs a subnet may keep.
budgetStatement      : BUDGET budgetMetric fraction SEMI ;
// `stimulate subnets 2 lambda 1.0 temperature 4 expansion mutate until 50%;` or `stimulate off;`
stimulateStatement   : STIMULATE (OFF | stimulateOption*) SEMI ;
// `search evolutionary population 16 ... min 0.9 as best;` binds the chosen architecture to a name;
// `min` is the lowest FLOPs a candidate may keep, as a share of the budget.
searchStatement      : SEARCH strategyName searchOption* AS archName SEMI ;
// `extract best "stp-35";` builds the named architecture as a smaller network; the run name is optional.
// `extract "ch-50-small";` cuts the last run's channel-pruned network to the smaller one it computes.
extractStatement     : EXTRACT extractSource SEMI ;
extractSource        : archName string? | string ;

depthList    : LBRACKET depthRange (COMMA depthRange)* RBRACKET ;
// `2` or `1..3`: the blocks a stage may keep.
depthRange   : NUMBER (DOTDOT NUMBER)? ;
widthChoices
    : NUMBER DOTDOT NUMBER STEP NUMBER
    | numberList
    ;

// `expansion mutate until 50%` or `expansion uniform min 0.5` choose the sampler (`uncapped` lifts
// the ceiling of either); `order fixed`, `order reranked` or `order frozen after 2 epochs` the
// channels a width keeps.
stimulateOption
    : SUBNETS number
    | LAMBDA number
    | TEMPERATURE number
    | EXPANSION expansionName
    | UNTIL quantity
    | MIN fraction
    | UNCAPPED
    | ORDER orderName
    | AFTER quantity
    ;

searchOption
    : POPULATION number
    | GENERATIONS number
    | MUTATION number
    | CROSSOVER number
    | SAMPLES number
    | BATCHES number
    | CALIBRATION number
    | SEED number
    | MIN fraction
    ;

// `arch depth [2, 3, 1] width [0.5, 0.75, 0.375] inner [...]`: one architecture of a space.
archExpr : ARCH DEPTH intList WIDTH numberList (INNER numberList)? ;

dataOption
    : PATH string
    | LIMIT number
    | TEST_LIMIT number
    | SAMPLES number
    | TEST_SAMPLES number
    | HOLDOUT number
    | FEATURES number
    | CLASSES number
    | NOISE number
    | SEED number
    | MEAN intList
    | STD intList
    ;

// `model resnet20 width 0.5 arch a;` builds the architecture `a` of that ResNet as a network of its
// own, trained from scratch like any model.
modelOption
    : HIDDEN_SIZES intList
    | WIDTH number
    | ARCH archName
    ;

trainOption
    : EPOCHS number
    | BATCH number
    | OPTIMIZER optimizerName
    | LR number
    | MOMENTUM number
    | NESTEROV
    | WEIGHT_DECAY number
    | DECAY decayName
    | MILESTONES quantityList
    | GAMMA number
    | WARMUP quantity
    | LABEL_SMOOTHING number
    | CROP number
    | FLIP
    ;

// The point list belongs to `schedule points`; the checker says so when another kind has one.
scheduleExpr : SCHEDULE scheduleKind pointList? scheduleOption* ;

scheduleOption
    : FROM fraction
    | TO fraction
    | START quantity
    | END quantity
    | AT quantity
    | EVERY interval
    | EXPONENT number
    ;

pointList : LBRACKET point (COMMA point)* RBRACKET ;
point     : LPAREN quantity COMMA fraction RPAREN ;

selectExpr : SELECT selection ;
selection  : stage (THEN stage)* ;
// A score, its variant (`gradient mean 8`, `gradient ema 0.9`), and the pool it hands to the next stage.
stage      : scoreName scoreVariant? pool? ;
scoreVariant
    : MEAN number
    | EMA number
    ;
pool
    : RATIO fraction
    | POOL ANNEAL curveName fraction TO fraction
    ;

scopeExpr : SCOPE scopeName scopeOption* ;
scopeOption
    : MIN_DENSITY fraction
    | MAX_DENSITY fraction
    ;

nmPattern : NUMBER COLON NUMBER ;

regrowOption
    : FRACTION fraction
    | EVERY interval
    | START quantity
    | END quantity
    | ANNEAL curveName
    ;

excludeItem : ID | string ;

// Names of things: identifiers, one rule per role so that errors can name the role.
datasetName     : ID ;
modelName       : ID ;
optimizerName   : ID ;
decayName       : ID ;
scheduleKind    : ID ;
scoreName       : ID ;
scopeName       : ID ;
granularityKind : ID ;
normName        : ID ;
countKind       : ID ;
regrowMethod    : ID ;
initKind        : ID ;
curveName       : ID ;
exportTarget    : ID ;
letName         : ID ;
importanceName  : ID ;
budgetMetric    : ID ;
// `off` is a keyword (of `stimulate off`) and also one of the expansions.
expansionName   : ID | OFF ;
strategyName    : ID ;
orderName       : ID ;
archName        : ID ;
// Targets may also be statement words (`show schedule`), so later targets need no grammar change.
reportTarget    : target ;
metricName      : ID ;
showTarget      : target ;
target          : ID | SEED | DATA | MODEL | TRAIN | SCHEDULE | SELECT | SCOPE | GRANULARITY | COUNT | EXCLUDE
                | REGROW | INIT | SUBNETS | ARCH | SEARCH ;

// Values.
number   : NUMBER ;
fraction : NUMBER | PERCENT ;
quantity : NUMBER unit? | PERCENT ;
// How often something happens: a percent of training is no interval, so the grammar has none here.
interval : NUMBER unit? ;
unit     : STEPS | STEP | EPOCHS | EPOCH ;
intList  : LBRACKET NUMBER (COMMA NUMBER)* RBRACKET ;
numberList : LBRACKET NUMBER (COMMA NUMBER)* RBRACKET ;
quantityList : LBRACKET quantity (COMMA quantity)* RBRACKET ;
string   : STRING ;

// Keywords, in the order error messages list them. Statement heads come first, from SEED to EXTRACT:
// the parser treats that range as "the words that start a statement".
SEED         : 'seed' ;
DATA         : 'data' ;
MODEL        : 'model' ;
TRAIN        : 'train' ;
SCHEDULE     : 'schedule' ;
SELECT       : 'select' ;
SCOPE        : 'scope' ;
GRANULARITY  : 'granularity' ;
COUNT        : 'count' ;
EXCLUDE      : 'exclude' ;
REGROW       : 'regrow' ;
INIT         : 'init' ;
LET          : 'let' ;
USE          : 'use' ;
RUN          : 'run' ;
PRUNE        : 'prune' ;
EVALUATE     : 'evaluate' ;
EXPORT       : 'export' ;
REPORT       : 'report' ;
SWEEP        : 'sweep' ;
SAVE         : 'save' ;
LOAD         : 'load' ;
IMPORT       : 'import' ;
SHOW         : 'show' ;
SPACE        : 'space' ;
BUDGET       : 'budget' ;
STIMULATE    : 'stimulate' ;
SEARCH       : 'search' ;
EXTRACT      : 'extract' ;

PATH         : 'path' ;
IN           : 'in' ;
STD          : 'std' ;
LIMIT        : 'limit' ;
TEST_LIMIT   : 'test_limit' ;
SAMPLES      : 'samples' ;
TEST_SAMPLES : 'test_samples' ;
HOLDOUT      : 'holdout' ;
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
DECAY        : 'decay' ;
MILESTONES   : 'milestones' ;
GAMMA        : 'gamma' ;
WARMUP       : 'warmup' ;
LABEL_SMOOTHING : 'label_smoothing' ;
CROP         : 'crop' ;
FLIP         : 'flip' ;

FROM         : 'from' ;
TO           : 'to' ;
START        : 'start' ;
END          : 'end' ;
AT           : 'at' ;
EVERY        : 'every' ;
EXPONENT     : 'exponent' ;

RATIO        : 'ratio' ;
THEN         : 'then' ;
MEAN         : 'mean' ;
EMA          : 'ema' ;
POOL         : 'pool' ;
ANNEAL       : 'anneal' ;

MIN_DENSITY  : 'min_density' ;
MAX_DENSITY  : 'max_density' ;

FRACTION     : 'fraction' ;

NOW          : 'now' ;
BY           : 'by' ;
AGAINST      : 'against' ;

DEPTH        : 'depth' ;
PER          : 'per' ;
BLOCK        : 'block' ;
IMPORTANCE   : 'importance' ;
REFRESH      : 'refresh' ;
SUBNETS      : 'subnets' ;
LAMBDA       : 'lambda' ;
TEMPERATURE  : 'temperature' ;
EXPANSION    : 'expansion' ;
UNTIL        : 'until' ;
OFF          : 'off' ;
POPULATION   : 'population' ;
GENERATIONS  : 'generations' ;
MUTATION     : 'mutation' ;
CROSSOVER    : 'crossover' ;
BATCHES      : 'batches' ;
CALIBRATION  : 'calibration' ;
MIN          : 'min' ;
UNCAPPED     : 'uncapped' ;
ORDER        : 'order' ;
AFTER        : 'after' ;
AS           : 'as' ;
ARCH         : 'arch' ;
INNER        : 'inner' ;

STEPS        : 'steps' ;
STEP         : 'step' ;
EPOCH        : 'epoch' ;

SEMI         : ';' ;
COMMA        : ',' ;
ASSIGN       : '=' ;
COLON        : ':' ;
LBRACE       : '{' ;
RBRACE       : '}' ;
LBRACKET     : '[' ;
RBRACKET     : ']' ;
LPAREN       : '(' ;
RPAREN       : ')' ;
// `1..3`: NUMBER cannot end in '.', so the lexer reads NUMBER DOTDOT NUMBER here.
DOTDOT       : '..' ;

// A sign belongs to the number so that the checker, not the parser, says why -1 is wrong.
NUMBER  : '-'? DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ;
PERCENT : DIGITS ('.' DIGITS)? '%' ;
ID      : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)* ;
STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
// An opening quote without its closing one on the same line; reported by the parser.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? ;

// On the hidden channel rather than skipped, so that `prune-sh fmt` can keep comments.
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n\f]+ -> skip ;
// Any other character becomes a token of its own, so that the parser reports it in context.
ERROR_CHAR : . ;

fragment DIGITS : [0-9]+ ;

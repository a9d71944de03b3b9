// libedit's native API (EditLine, History, el_gets, el_line, el_insertstr). The readline-compatible
// header is not needed: gov drives libedit through histedit.h only.
#include <histedit.h>

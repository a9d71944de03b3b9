// libxml2's HTML parser (htmlReadMemory): government pages are rarely well-formed XML.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// libxml2's HTML parser behind a small event interface. libxml2's own headers pull in the system ICU, which
// clashes with the ICU inside Foundation, so Swift sees only this header.
#ifndef CHTML_EVENTS_H
#define CHTML_EVENTS_H

enum { CHTML_START = 0, CHTML_END = 1, CHTML_TEXT = 2 };

// kind: CHTML_START (name, attributes rowspan/colspan, a meta's name/content or an <a>'s href as
// meta_content; for a <table>, whether a
// table is nested inside it), CHTML_END (name), CHTML_TEXT (text). Strings are UTF-8 and valid only during
// the call.
typedef void (*chtml_callback)(void *context, int kind, const char *name, const char *text,
                               int rowspan, int colspan, const char *meta_name, const char *meta_content,
                               int contains_table);

// Parses with HTML_PARSE_RECOVER | NOERROR | NOWARNING | NONET; `encoding` may be NULL (then the page's
// <meta> decides). Returns 0, or -1 when nothing could be parsed. Nesting deeper than 256 is not walked.
int chtml_parse(const char *data, int length, const char *encoding, void *context, chtml_callback callback);

#endif

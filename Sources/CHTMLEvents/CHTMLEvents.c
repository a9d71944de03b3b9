#include "CHTMLEvents.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>

static int span(xmlNodePtr node, const char *name) {
    xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
    if (!value) return 1;
    long parsed = strtol((const char *)value, NULL, 10);
    xmlFree(value);
    if (parsed < 1) return 1;
    if (parsed > 1000) return 1000;
    return (int)parsed;
}

// Whether a table is nested anywhere under `node` (a page laid out with tables holds the report's own).
static int contains_table(xmlNodePtr node, int depth) {
    if (depth > 256) return 0;
    for (xmlNodePtr child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (xmlStrcasecmp(child->name, (const xmlChar *)"table") == 0) return 1;
        if (contains_table(child, depth + 1)) return 1;
    }
    return 0;
}

static void walk(xmlNodePtr node, int depth, void *context, chtml_callback callback) {
    for (xmlNodePtr child = node; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content) callback(context, CHTML_TEXT, NULL, (const char *)child->content, 1, 1, NULL, NULL, 0);
        } else if (child->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)child->name;
            // A <meta>'s name and content; for an <a>, its href (as the content, with no name).
            int isLink = xmlStrcasecmp(child->name, (const xmlChar *)"a") == 0;
            xmlChar *metaName = isLink ? NULL : xmlGetProp(child, (const xmlChar *)"name");
            xmlChar *metaContent = xmlGetProp(child, (const xmlChar *)(isLink ? "href" : "content"));
            int nested = xmlStrcasecmp(child->name, (const xmlChar *)"table") == 0 ? contains_table(child, 0) : 0;
            callback(context, CHTML_START, name, NULL, span(child, "rowspan"), span(child, "colspan"),
                     (const char *)metaName, (const char *)metaContent, nested);
            if (metaName) xmlFree(metaName);
            if (metaContent) xmlFree(metaContent);
            if (depth < 256) walk(child->children, depth + 1, context, callback);
            callback(context, CHTML_END, name, NULL, 1, 1, NULL, NULL, 0);
        }
    }
}

// libxml2 reports an encoding conversion failure through its generic error handler even with
// HTML_PARSE_NOERROR, straight onto stderr: a mis-declared page (GBK labelled UTF-8) would print a line
// per bad byte under gov's own message. The reader already judges what it got, so the parser stays quiet.
static void chtml_ignore_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

int chtml_parse(const char *data, int length, const char *encoding, void *context, chtml_callback callback) {
    // The handler is per thread in libxml2, and batch imports parse on worker threads: set it on each.
    xmlSetGenericErrorFunc(NULL, chtml_ignore_error);
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    htmlDocPtr document = htmlReadMemory(data, length, NULL, encoding, options);
    if (!document) return -1;
    xmlNodePtr root = xmlDocGetRootElement(document);
    if (root) walk(root, 0, context, callback);
    xmlFreeDoc(document);
    return 0;
}

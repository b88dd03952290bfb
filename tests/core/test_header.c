/* Reading a C header as text (see test_header.h). */
#include "test_header.h"

#include <stdio.h>
#include <string.h>

bool test_typedef_body(const char *header, const char *type, const char **open, const char **close)
{
    char tail[80];
    snprintf(tail, sizeof tail, "} %s;", type);
    const char *end = strstr(header, tail);
    if (!end)
        return false;
    const char *o = end;
    while (o > header && *o != '{')
        o--;
    if (*o != '{')
        return false;
    *open = o;
    *close = end;
    return true;
}

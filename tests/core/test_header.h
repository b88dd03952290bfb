/* Reading a C header as text, for the tests that check declarations
 * (every field hashed, every enum value documented) against it. */
#ifndef SAMENSPEL_TEST_HEADER_H
#define SAMENSPEL_TEST_HEADER_H

#include <stdbool.h>

/* The braces of the typedef that ends in "} type;" in header: *open at its
 * '{', *close at its '}'. False when header has no such typedef. */
bool test_typedef_body(const char *header, const char *type, const char **open, const char **close);

#endif

/* proto_int.h: what proto.c (the byte layout) and proto_fits.c (the
 * semantic checks) share, and nobody outside src/proto needs. */
#ifndef SAMENSPEL_PROTO_INT_H
#define SAMENSPEL_PROTO_INT_H

#include "core/core.h"

#include <stdbool.h>

/* Whether an afspraak slot holds nothing (as core leaves the slots beyond
 * the level's spanningen). */
static inline bool proto_afspraak_empty(const core_afspraak *a)
{
    return a->proposer == 0 && a->option == 0 && a->agreed == 0 && a->made_round == 0 && !a->text[0];
}

#endif

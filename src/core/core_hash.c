/*
 * core_state_hash: FNV-1a 64 over the state, walked through the field lists
 * of core_state_fields.h (never raw struct bytes, so padding can never make
 * two equal games hash differently). RULES.md says what is hashed.
 */
#include "core/core_int.h"
#include "core/core_state_fields.h"

#include <string.h>

typedef struct {
    uint64_t h;
} hasher;

static void hb(hasher *hs, const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = hs->h;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    hs->h = h;
}

static void hi(hasher *hs, int64_t v)
{
    hb(hs, &v, sizeof v);
}

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* One statement per field kind; p is the struct being walked. */
#define HASH_FIELD(kind, ...) HASH_##kind(__VA_ARGS__)
#define HASH_VALUE(f) hi(hs, (int64_t)p->f);
#define HASH_VALUES(f)                               \
    for (size_t k_ = 0; k_ < COUNT_OF(p->f); k_++) \
        hi(hs, (int64_t)p->f[k_]);
#define HASH_BYTES(f) hb(hs, &p->f, sizeof p->f);
#define HASH_PREFIX(f, n) hb(hs, p->f, sizeof p->f[0] * (size_t)p->n);
#define HASH_TEXT(f) hb(hs, p->f, strnlen(p->f, sizeof p->f));
#define HASH_STRUCT(f, type) hash_##type(hs, &p->f);
#define HASH_STRUCTS(f, n, type)         \
    for (int k_ = 0; k_ < p->n; k_++) \
        hash_##type(hs, &p->f[k_]);
#define HASH_SKIP(f, why)
#define HASH_ROWS(count, LIST)                \
    for (int i_ = 0; i_ < (count); i_++) { \
        LIST(HASH_ROW_FIELD)                  \
    }
#define HASH_SEAT_ROWS(LIST) HASH_ROWS(p->sc ? p->sc->n_seats : 0, LIST)

/* The same kinds, on element i_ of each array of a row. */
#define HASH_ROW_FIELD(kind, ...) HASH_ROW_##kind(__VA_ARGS__)
#define HASH_ROW_VALUE(f) hi(hs, (int64_t)p->f[i_]);
#define HASH_ROW_TEXT(f) hb(hs, p->f[i_], strnlen(p->f[i_], sizeof p->f[i_]));
#define HASH_ROW_STRUCT(f, type) hash_##type(hs, &p->f[i_]);
#define HASH_ROW_STRUCTS(f, n, type)         \
    for (int k_ = 0; k_ < p->n[i_]; k_++) \
        hash_##type(hs, &p->f[i_][k_]);

#define DEFINE_HASH(type)                                \
    static void hash_##type(hasher *hs, const type *p) \
    {                                                    \
        CORE_FIELDS_##type(HASH_FIELD)                   \
    }

/* Inner structs first: each hasher calls those of the structs it holds. */
DEFINE_HASH(core_rng)
DEFINE_HASH(core_commitment)
DEFINE_HASH(core_promise)
DEFINE_HASH(core_friction_state)
DEFINE_HASH(core_measures)
DEFINE_HASH(core_afspraak)
DEFINE_HASH(core_seat_state)
DEFINE_HASH(core_state)

uint64_t core_state_hash(const core_state *st)
{
    hasher hs = {14695981039346656037ULL};
    if (st)
        hash_core_state(&hs, st);
    return hs.h;
}

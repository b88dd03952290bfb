/* libFuzzer harness for the level loader: any bytes must give a verdict
 * (a scenario or diagnostics), never a crash, a hang or a leak. */
#include "level/level.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lvl_diags *d;
    static core_scenario *sc;
    if (!d) {
        d = malloc(sizeof *d);
        sc = malloc(sizeof *sc);
        if (!d || !sc)
            abort();
    }
    lvl_load_buffer("fuzz.yaml", (const char *)data, size, sc, d);
    return 0;
}

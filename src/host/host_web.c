/* host_web: starts the browser player's web server for a host (see host_web.h). */
#include "host/host_web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* SAMENSPEL_WEB_MAX_PER_ADDRESS raises the cap of connections from one
 * address: a benchmark or a test that opens 64 browsers on one machine
 * comes from one address, which a classroom never does. Out-of-range
 * values are ignored (the default stays). */
static int max_per_address(void)
{
    const char *v = getenv("SAMENSPEL_WEB_MAX_PER_ADDRESS");
    if (!v || !*v)
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    return (*end == '\0' && n > 0 && n <= 400) ? (int)n : 0;
}

void host_web_others(char *out, size_t len, const net_if_addr *a, int n, int port)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        char ip[NET_ADDR_LEN], item[NET_ADDR_LEN + 16];
        net_addr_text(a[i].addr, ip, sizeof ip);
        int k = snprintf(item, sizeof item, "%s%s:%d", used ? ", " : "", ip, port);
        if (k < 0 || used + (size_t)k >= len)
            break;
        memcpy(out + used, item, (size_t)k + 1);
        used += (size_t)k;
    }
}

web_server *host_web_open(const host_options *o, int game_port, const char *lan_ip,
                          char *url, size_t url_len, char *why, size_t why_len)
{
    url[0] = '\0';
    why[0] = '\0';
    if (o->http_port <= 0)
        return NULL;
    web_options wo = {0};
    wo.http_port = o->http_port;
    wo.game_port = game_port;
    wo.allow_origin = o->allow_origin[0] ? o->allow_origin : NULL;
    wo.root = o->web_root[0] ? o->web_root : NULL;
    wo.max_per_address = max_per_address();
    web_server *w = web_start(&wo, why, why_len);
    if (w)
        snprintf(url, url_len, "http://%s:%d/", lan_ip, web_port(w));
    return w;
}

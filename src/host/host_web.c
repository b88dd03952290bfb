/* host_web: starts the browser player's web server for a host (see host_web.h). */
#include "host/host_web.h"

#include <stdio.h>

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
    web_server *w = web_start(&wo, why, why_len);
    if (w)
        snprintf(url, url_len, "http://%s:%d/", lan_ip, web_port(w));
    return w;
}

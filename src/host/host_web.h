/*
 * host_web: the host's side of the browser player. Starts the web server
 * (src/web) next to the TCP listener and builds the join URL that the
 * projector shows as text and as a QR code.
 */
#ifndef SAMENSPEL_HOST_WEB_H
#define SAMENSPEL_HOST_WEB_H

#include "host/host.h"
#include "net/net.h"
#include "web/web.h"

#define HOST_URL_LEN 128
#define HOST_OTHERS_LEN 160

/* "10.0.0.5:47880, 172.17.0.1:47880": the n addresses a with the port,
 * for the trainer menu (a latecomer on another network of this laptop);
 * "" when there are none. Cut at a whole entry when out is full. */
void host_web_others(char *out, size_t len, const net_if_addr *a, int n, int port);

/* Starts the web server for o->http_port (NULL when it is 0 or could not
 * start; then why says so for the host's log). url receives
 * "http://<lan_ip>:<http port>/" or "" when there is no server. */
web_server *host_web_open(const host_options *o, int game_port, const char *lan_ip,
                          char *url, size_t url_len, char *why, size_t why_len);

#endif

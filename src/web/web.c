/*
 * web.c: libwebsockets callbacks for the page (HTTP GET of the app's own
 * files) and for /ws (frames relayed to a loopback TCP connection to the
 * host's game port). See web.h for why browser peers go through the host's
 * own TCP port.
 */
/* realpath() for the symlink check of served files. */
#define _XOPEN_SOURCE 700

#include "web/web.h"
#include "web/web_frames.h"

#include "platform/plat.h"

#include <libwebsockets.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define WEB_TO_HOST_BYTES (64u * 1024u)        /* browser bytes not yet taken by the host socket */
#define WEB_MAX_FDS 512                        /* open sockets the per-address count tracks */
#define WEB_SUBPROTOCOL "samenspel"

typedef struct frame_item {
    struct frame_item *next;
    size_t len;                 /* bytes after LWS_PRE */
    unsigned char data[];       /* LWS_PRE bytes of room, then the frame */
} frame_item;

/* One /ws session (lws per-session data, zeroed by lws). */
typedef struct {
    struct lws *ws;
    struct lws *raw;            /* the loopback TCP connection to the host; NULL once gone */
    bool host_gone;             /* the host closed: flush what is queued, then close */
    /* browser -> host */
    web_msg in;
    unsigned char *to_host;
    size_t to_host_len;
    /* host -> browser: the stream cut into frames */
    web_stream from_host;
    frame_item *head, *tail;
    size_t queued;
} ws_sess;

typedef struct {
    const struct lws *wsi;      /* NULL: free slot */
    char ip[64];
} conn_slot;

struct web_server {
    struct lws_context *ctx;
    struct lws_vhost *vh;
    char root[PLAT_PATH_MAX];       /* realpath of the web folder */
    char allow[WEB_ORIGIN_LEN];
    int game_port, port, max_per_addr;
    int open;                       /* accepted connections: page requests, idle keep-alive, /ws */
    conn_slot conns[WEB_MAX_FDS];
};

/* ------------------------------------------------------------ addresses */

static int addr_count(web_server *w, const char *ip)
{
    int n = 0;
    for (int i = 0; i < WEB_MAX_FDS; i++)
        if (w->conns[i].wsi && strcmp(w->conns[i].ip, ip) == 0)
            n++;
    return n;
}

static bool addr_add(web_server *w, const struct lws *wsi, const char *ip)
{
    for (int i = 0; i < WEB_MAX_FDS; i++)
        if (!w->conns[i].wsi) {
            w->conns[i].wsi = wsi;
            snprintf(w->conns[i].ip, sizeof w->conns[i].ip, "%s", ip);
            w->open++;
            return true;
        }
    return false;
}

static void addr_del(web_server *w, const struct lws *wsi)
{
    for (int i = 0; i < WEB_MAX_FDS; i++)
        if (w->conns[i].wsi == wsi) {
            w->conns[i].wsi = NULL;
            w->open--;
        }
}

/* ----------------------------------------------------------------- files */

static const char *mime_of(const char *path)
{
    static const struct {
        const char *ext, *mime;
    } types[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},   {".svg", "image/svg+xml"},
        {".png", "image/png"},                 {".json", "application/json"},
    };
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].mime;
    return "application/octet-stream";
}

/* The app's own files only: a conservative character set, no dot-dot, and
 * the resolved file (symlinks followed) must still be inside the folder. */
static bool resolve(const web_server *w, const char *uri, char *out, size_t out_len)
{
    if (!uri || uri[0] != '/' || strlen(uri) > 200)
        return false;
    if (strcmp(uri, "/") == 0)
        uri = "/index.html";
    for (const char *c = uri; *c; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                  *c == '/' || *c == '.' || *c == '-' || *c == '_';
        if (!ok)
            return false;
    }
    if (strstr(uri, "..") || strstr(uri, "//") || strstr(uri, "/."))
        return false;
    char joined[PLAT_PATH_MAX + 256];
    snprintf(joined, sizeof joined, "%s%s", w->root, uri);
    char real[PATH_MAX];
    if (!realpath(joined, real))
        return false;
    size_t rl = strlen(w->root);
    if (strncmp(real, w->root, rl) != 0 || real[rl] != '/')
        return false;
    struct stat st;
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    if (strlen(real) >= out_len)
        return false;
    snprintf(out, out_len, "%s", real);
    return true;
}

static int not_found(struct lws *wsi)
{
    lws_return_http_status(wsi, HTTP_STATUS_NOT_FOUND, NULL);
    return -1;
}

static int serve_http(web_server *w, struct lws *wsi, const char *uri)
{
    /* GET only: anything with a body is refused before it is read. */
    if (lws_hdr_total_length(wsi, WSI_TOKEN_GET_URI) <= 0) {
        lws_return_http_status(wsi, HTTP_STATUS_METHOD_NOT_ALLOWED, NULL);
        return -1;
    }
    char path[PATH_MAX];
    if (!resolve(w, uri, path, sizeof path))
        return not_found(wsi);
    static const char extra[] =
        "Cache-Control: no-cache\x0d\x0a"
        "X-Content-Type-Options: nosniff\x0d\x0a"
        "Referrer-Policy: no-referrer\x0d\x0a"
        "Content-Security-Policy: default-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'\x0d\x0a";
    int n = lws_serve_http_file(wsi, path, mime_of(path), extra, (int)(sizeof extra - 1));
    if (n < 0 || (n > 0 && lws_http_transaction_completed(wsi)))
        return -1;
    return 0;
}

/* --------------------------------------------------------------- origin */

static bool header(struct lws *wsi, enum lws_token_indexes t, char *out, int len)
{
    out[0] = '\0';
    int n = lws_hdr_total_length(wsi, t);
    if (n <= 0 || n >= len)
        return false;
    return lws_hdr_copy(wsi, out, len, t) > 0;
}

/* A browser always sends Origin with an upgrade: it must be the page this
 * host served (http://<the Host header>) or one that --allow-origin names.
 * A client without Origin is not a browser, and nothing a web page could
 * abuse, so it is let in like a TCP peer. */
static bool origin_ok(const web_server *w, struct lws *wsi)
{
    char origin[WEB_ORIGIN_LEN], hosthdr[WEB_ORIGIN_LEN], own[WEB_ORIGIN_LEN + 8];
    if (lws_hdr_total_length(wsi, WSI_TOKEN_ORIGIN) <= 0)
        return true;
    if (!header(wsi, WSI_TOKEN_ORIGIN, origin, sizeof origin))
        return false;
    if (header(wsi, WSI_TOKEN_HOST, hosthdr, sizeof hosthdr)) {
        snprintf(own, sizeof own, "http://%s", hosthdr);
        if (strcmp(origin, own) == 0)
            return true;
    }
    if (strcmp(w->allow, "*") == 0)
        return true;
    const char *p = w->allow;
    size_t ol = strlen(origin);
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == ol && strncmp(p, origin, n) == 0)
            return true;
        if (!e)
            break;
        p = e + 1;
    }
    return false;
}

/* -------------------------------------------------------------- queues */

static bool push_frame(ws_sess *s, const unsigned char *frame, size_t len)
{
    if (s->queued + len > WEB_SEND_QUEUE_BYTES)
        return false;
    frame_item *it = malloc(sizeof *it + LWS_PRE + len);
    if (!it)
        return false;
    it->next = NULL;
    it->len = len;
    memcpy(it->data + LWS_PRE, frame, len);
    if (s->tail)
        s->tail->next = it;
    else
        s->head = it;
    s->tail = it;
    s->queued += len;
    return true;
}

static void free_sess(ws_sess *s)
{
    while (s->head) {
        frame_item *n = s->head->next;
        free(s->head);
        s->head = n;
    }
    s->tail = NULL;
    s->queued = 0;
    free(s->to_host);
    s->to_host = NULL;
    s->to_host_len = 0;
    web_stream_free(&s->from_host);
}

static bool emit_frame(void *ctx, const uint8_t *frame, size_t len)
{
    return push_frame(ctx, frame, len);
}

/* Host bytes arrive as a stream; each complete frame becomes one message.
 * False when the stream is invalid or the browser's queue is full. */
static bool host_bytes(ws_sess *s, const unsigned char *in, size_t len)
{
    return web_stream_feed(&s->from_host, in, len, emit_frame, s);
}

/* ----------------------------------------------------------- callbacks */

static web_server *server_of(struct lws *wsi)
{
    return lws_context_user(lws_get_context(wsi));
}

static int cb_http(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    web_server *w = server_of(wsi);
    (void)user;
    switch (reason) {
    case LWS_CALLBACK_FILTER_NETWORK_CONNECTION: {
        /* Refused before a byte is read: too many from one address. */
        char ip[64] = "";
        lws_get_peer_simple_fd((lws_sockfd_type)(intptr_t)in, ip, sizeof ip);
        return addr_count(w, ip) >= w->max_per_addr ? 1 : 0;
    }
    case LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED: {
        char ip[64] = "";
        lws_get_peer_simple(wsi, ip, sizeof ip);
        return addr_add(w, wsi, ip) ? 0 : -1;
    }
    case LWS_CALLBACK_WSI_DESTROY:
        addr_del(w, wsi);
        return 0;
    case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION:
        /* An upgrade without our subprotocol lands here: refuse it. */
        return 1;
    case LWS_CALLBACK_HTTP:
        return serve_http(w, wsi, (const char *)in);
    case LWS_CALLBACK_HTTP_BODY:
        return -1;
    case LWS_CALLBACK_HTTP_FILE_COMPLETION:
        return lws_http_transaction_completed(wsi) ? -1 : 0;
    default:
        break;
    }
    (void)len;
    return lws_callback_http_dummy(wsi, reason, user, in, len);
}

static void kill_raw(ws_sess *s)
{
    if (s->raw) {
        lws_set_opaque_user_data(s->raw, NULL);
        lws_set_timeout(s->raw, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
        s->raw = NULL;
    }
}

static int cb_ws(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    web_server *w = server_of(wsi);
    ws_sess *s = user;
    switch (reason) {
    case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
        char uri[64];
        if (!header(wsi, WSI_TOKEN_GET_URI, uri, sizeof uri) || strcmp(uri, "/ws") != 0)
            return 1;
        if (!origin_ok(w, wsi)) {
            lwsl_notice("samenspel web: refused /ws from a foreign Origin\n");
            return 1;
        }
        return 0;
    }
    case LWS_CALLBACK_ESTABLISHED: {
        memset(s, 0, sizeof *s);
        s->ws = wsi;
        struct lws_client_connect_info ci;
        memset(&ci, 0, sizeof ci);
        ci.context = lws_get_context(wsi);
        ci.vhost = w->vh;
        ci.address = "127.0.0.1";
        ci.port = w->game_port;
        ci.host = ci.address;
        ci.origin = ci.address;
        ci.path = "";
        ci.method = "RAW";
        ci.local_protocol_name = "samenspel-host";
        ci.opaque_user_data = s;
        ci.pwsi = &s->raw;
        if (!lws_client_connect_via_info(&ci)) {
            s->raw = NULL;
            return -1;
        }
        return 0;
    }
    case LWS_CALLBACK_RECEIVE: {
        bool last = lws_is_final_fragment(wsi) && !lws_remaining_packet_payload(wsi);
        web_msg_status st = web_msg_add(&s->in, lws_frame_is_binary(wsi), in, len, last);
        if (st == WEB_MSG_MORE)
            return 0;
        if (st == WEB_MSG_BAD || s->to_host_len + s->in.len > WEB_TO_HOST_BYTES) {
            lws_close_reason(wsi, LWS_CLOSE_STATUS_POLICY_VIOLATION, (unsigned char *)"frame", 5);
            return -1;
        }
        if (!s->to_host) {
            s->to_host = malloc(WEB_TO_HOST_BYTES);
            if (!s->to_host)
                return -1;
        }
        memcpy(s->to_host + s->to_host_len, s->in.buf, s->in.len);
        s->to_host_len += s->in.len;
        s->in.len = 0;
        if (s->raw)
            lws_callback_on_writable(s->raw);
        return 0;
    }
    case LWS_CALLBACK_SERVER_WRITEABLE: {
        if (s->head) {
            frame_item *it = s->head;
            int n = lws_write(wsi, it->data + LWS_PRE, it->len, LWS_WRITE_BINARY);
            if (n < (int)it->len)
                return -1;
            s->head = it->next;
            if (!s->head)
                s->tail = NULL;
            s->queued -= it->len;
            free(it);
        }
        if (s->head)
            lws_callback_on_writable(wsi);
        else if (s->host_gone) {
            lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, NULL, 0);
            return -1;
        }
        return 0;
    }
    case LWS_CALLBACK_CLOSED:
        kill_raw(s);
        free_sess(s);
        return 0;
    default:
        break;
    }
    return 0;
}

static int cb_raw(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    ws_sess *s = lws_get_opaque_user_data(wsi);
    (void)user;
    switch (reason) {
    case LWS_CALLBACK_RAW_CONNECTED:
        if (s && s->to_host_len)
            lws_callback_on_writable(wsi);
        return 0;
    case LWS_CALLBACK_RAW_RX:
        if (!s)
            return -1;
        if (!host_bytes(s, in, len)) {
            /* The browser is not reading (or the stream is broken): drop both. */
            s->raw = NULL;
            lws_set_opaque_user_data(wsi, NULL);
            lws_close_reason(s->ws, LWS_CLOSE_STATUS_POLICY_VIOLATION, (unsigned char *)"slow", 4);
            lws_set_timeout(s->ws, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
            return -1;
        }
        if (s->head)
            lws_callback_on_writable(s->ws);
        return 0;
    case LWS_CALLBACK_RAW_WRITEABLE:
        if (!s)
            return -1;
        if (s->to_host_len) {
            int n = lws_write(wsi, s->to_host, s->to_host_len, LWS_WRITE_RAW);
            if (n < 0)
                return -1;
            /* lws buffers a partial write itself and reports the whole length. */
            s->to_host_len = 0;
        }
        return 0;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
    case LWS_CALLBACK_RAW_CLOSE:
        if (s) {
            s->raw = NULL;
            s->host_gone = true;
            lws_set_opaque_user_data(wsi, NULL);
            lws_callback_on_writable(s->ws);
        }
        return 0;
    default:
        break;
    }
    return 0;
}

static const struct lws_protocols protocols[] = {
    {"http", cb_http, 0, 0, 0, NULL, 0},
    {WEB_SUBPROTOCOL, cb_ws, sizeof(ws_sess), WEB_CLIENT_FRAME, 0, NULL, 0},
    {"samenspel-host", cb_raw, 0, 65536, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0}
};

/* ------------------------------------------------------------- lifetime */

static void quiet_log(int level, const char *line)
{
    (void)level;
    (void)line;
}

static bool has_page(const char *dir)
{
    char p[PLAT_PATH_MAX + 16];
    struct stat st;
    snprintf(p, sizeof p, "%s/i18n.js", dir);
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Like the levels: an explicit folder, $SAMENSPEL_WEB_DIR, the data dir's
 * web/ (an install, where the generated catalogue sits next to the page),
 * else the page this build assembled (running from the build tree). */
static bool find_root(const char *given, char *out, size_t len)
{
    const char *env = getenv("SAMENSPEL_WEB_DIR");
    if (given && *given)
        snprintf(out, len, "%s", given);
    else if (env && *env)
        snprintf(out, len, "%s", env);
    else if (!plat_data_path("web", out, len) || !has_page(out))
        snprintf(out, len, "%s", SAMENSPEL_BUILD_WEBDIR);
    return has_page(out);
}

web_server *web_start(const web_options *o, char *err, size_t err_len)
{
    web_server *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    char dir[PLAT_PATH_MAX];
    if (!find_root(o->root, dir, sizeof dir)) {
        snprintf(err, err_len, "the browser player (web/index.html with its i18n.js) was not found next to the "
                 "levels; build the project or set SAMENSPEL_WEB_DIR");
        free(w);
        return NULL;
    }
    char real[PATH_MAX];
    if (!realpath(dir, real) || strlen(real) >= sizeof w->root) {
        snprintf(err, err_len, "the browser player's folder %s does not exist", dir);
        free(w);
        return NULL;
    }
    memcpy(w->root, real, strlen(real) + 1);
    snprintf(w->allow, sizeof w->allow, "%s", o->allow_origin ? o->allow_origin : "");
    w->game_port = o->game_port;
    w->max_per_addr = o->max_per_address > 0 ? o->max_per_address : WEB_MAX_PER_ADDRESS;

    /* lws logs to stderr by default; the host has its own log. */
    if (getenv("SAMENSPEL_WEB_DEBUG"))
        lws_set_log_level(LLL_ERR | LLL_WARN | LLL_NOTICE, NULL);
    else
        lws_set_log_level(0, quiet_log);

    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = o->http_port;
    info.protocols = protocols;
    info.user = w;
    info.options = LWS_SERVER_OPTION_EXPLICIT_VHOSTS | LWS_SERVER_OPTION_DISABLE_IPV6 |
                   LWS_SERVER_OPTION_VALIDATE_UTF8;
    info.max_http_header_data = WEB_HEADER_BYTES;
    info.max_http_header_pool = 32;
    info.timeout_secs = WEB_HEADER_DEADLINE_S;
    info.fd_limit_per_thread = WEB_MAX_FDS;
    info.vhost_name = "samenspel";
    w->ctx = lws_create_context(&info);
    if (!w->ctx) {
        snprintf(err, err_len, "could not start the web server");
        free(w);
        return NULL;
    }
    w->vh = lws_create_vhost(w->ctx, &info);
    if (!w->vh) {
        snprintf(err, err_len, "HTTP port %d is taken or cannot be opened (--http-port N to choose another, 0 for none)",
                 o->http_port);
        lws_context_destroy(w->ctx);
        free(w);
        return NULL;
    }
    w->port = lws_get_vhost_listen_port(w->vh);
    return w;
}

void web_service(web_server *w)
{
    if (!w)
        return;
    /* A negative timeout makes lws poll without waiting. A few rounds, so
     * that an accept, the request it brings and the write that answers it
     * (a page file, a frame for a browser) go out in the same call; a round
     * on an idle server is one poll() that returns at once. (One round
     * while nothing was open made test_web's fragmented hello lose its
     * session under the host's shorter waits; the cause is not found yet.) */
    int rounds = 3;
    for (int i = 0; i < rounds; i++)
        if (lws_service(w->ctx, -1) < 0)
            break;
}

void web_stop(web_server *w)
{
    if (!w)
        return;
    lws_context_destroy(w->ctx);
    free(w);
}

int web_port(const web_server *w)
{
    return w ? w->port : 0;
}

int web_socket_count(const web_server *w)
{
    return w ? w->open : 0;
}

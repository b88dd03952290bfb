/*
 * The join URL's address: net_lan_order on synthetic interfaces and
 * /proc/net/route text. The address on the default route comes first (the
 * lowest metric when there are several; on that interface the one whose
 * subnet holds the gateway), then private LAN addresses, other addresses
 * and link-local last; loopback and interfaces that are down never appear.
 */
#include "net/net.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include "ts_main.h"

#define ROUTE_HEAD "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"

static net_if_addr ifa(const char *name, const char *addr, int prefix, bool up)
{
    net_if_addr x;
    memset(&x, 0, sizeof x);
    snprintf(x.ifname, sizeof x.ifname, "%s", name);
    unsigned a, b, c, d;
    assert_int_equal(sscanf(addr, "%u.%u.%u.%u", &a, &b, &c, &d), 4);
    x.addr = a << 24 | b << 16 | c << 8 | d;
    x.mask = prefix ? ~0u << (32 - prefix) : 0;
    x.up = up;
    x.loopback = strcmp(name, "lo") == 0;
    return x;
}

static const char *text_of(const net_if_addr *x)
{
    static char buf[4][NET_ADDR_LEN];
    static int k;
    char *out = buf[k++ % 4];
    net_addr_text(x->addr, out, NET_ADDR_LEN);
    return out;
}

/* Orders the n addresses of a with route (the text of /proc/net/route, may
 * be NULL): want_n of them remain, and the first ones are the addresses of
 * want (NULL-terminated), in that order. */
static void expect_order(net_if_addr *a, int n, const char *route, int want_n, const char *const want[])
{
    assert_int_equal(net_lan_order(a, n, route), want_n);
    for (int i = 0; want[i]; i++)
        assert_string_equal(text_of(&a[i]), want[i]);
}

/* Machines with a default route, and the order their addresses get. */
static const struct {
    const char *why;
    struct {
        const char *name, *addr;
        int prefix;
    } ifs[3];
    int n;
    const char *route; /* after ROUTE_HEAD */
    int want_n;
    const char *want[3];
} routed[] = {
    {"a docker bridge listed before the wired LAN: the default route decides",
     {{"lo", "127.0.0.1", 8}, {"docker0", "172.17.0.1", 16}, {"eth0", "192.168.1.20", 24}}, 3,
     "eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
     "eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"
     "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n",
     2, {"192.168.1.20", "172.17.0.1"}},
    {"wired and wireless both have a default route: the lower metric wins",
     {{"wlan0", "10.40.3.7", 16}, {"eth0", "10.20.0.5", 24}}, 2,
     "wlan0\t00000000\t0100280A\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
     "eth0\t00000000\t0100140A\t0003\t0\t0\t100\t00000000\t0\t0\t0\n",
     2, {"10.20.0.5", "10.40.3.7"}},
    {"two addresses on the default route's interface: the one in the gateway's subnet",
     {{"eth0", "192.168.50.2", 24}, {"eth0", "10.0.0.9", 8}}, 2,
     "eth0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n",
     2, {"10.0.0.9"}},
};

static void test_default_route(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof routed / sizeof routed[0]; k++) {
        print_message("%s\n", routed[k].why);
        net_if_addr a[3];
        for (int i = 0; i < routed[k].n; i++)
            a[i] = ifa(routed[k].ifs[i].name, routed[k].ifs[i].addr, routed[k].ifs[i].prefix, true);
        char route[1024];
        snprintf(route, sizeof route, "%s%s", ROUTE_HEAD, routed[k].route);
        const char *want[4] = {routed[k].want[0], routed[k].want[1], routed[k].want[2], NULL};
        expect_order(a, routed[k].n, route, routed[k].want_n, want);
    }
}

/* No default route (an offline classroom LAN): private before public,
 * link-local last; down interfaces and loopback left out. */
static void test_no_default_route(void **state)
{
    (void)state;
    net_if_addr a[] = {ifa("eth1", "169.254.10.3", 16, true), ifa("eth2", "203.0.113.5", 24, true),
                       ifa("lo", "127.0.0.1", 8, true),          ifa("wlan0", "192.168.0.14", 24, false),
                       ifa("eth0", "172.20.1.4", 16, true)};
    const char *route = ROUTE_HEAD "eth0\t000014AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n";
    expect_order(a, 5, route, 3, (const char *const[]){"172.20.1.4", "203.0.113.5", "169.254.10.3", NULL});
    /* the same without a routing table at all, and with one that is garbage */
    net_if_addr b[] = {ifa("eth1", "169.254.10.3", 16, true), ifa("eth0", "172.20.1.4", 16, true)};
    expect_order(b, 2, NULL, 2, (const char *const[]){"172.20.1.4", NULL});
    net_if_addr c[] = {ifa("eth1", "169.254.10.3", 16, true), ifa("eth0", "172.20.1.4", 16, true)};
    expect_order(c, 2, "\x01\xff garbage\n\n\teth0 zz 00000000\n", 2, (const char *const[]){"172.20.1.4", NULL});
}

/* A default route that is not up is no default route. */
static void test_route_down(void **state)
{
    (void)state;
    net_if_addr a[] = {ifa("eth0", "10.1.1.1", 24, true), ifa("wlan0", "192.168.3.3", 24, true)};
    const char *route = ROUTE_HEAD "eth0\t00000000\t0101010A\t0002\t0\t0\t0\t00000000\t0\t0\t0\n";
    expect_order(a, 2, route, 2, (const char *const[]){"10.1.1.1", NULL}); /* interface order among equals */
    const char *route2 = ROUTE_HEAD "wlan0\t00000000\t0103A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n";
    net_if_addr b[] = {ifa("eth0", "10.1.1.1", 24, true), ifa("wlan0", "192.168.3.3", 24, true)};
    expect_order(b, 2, route2, 2, (const char *const[]){"192.168.3.3", NULL});
}

/* Only loopback: nothing to show; the machine's real list is ordered the
 * same way and net_lan_address gives its first (or 127.0.0.1). */
static void test_only_loopback_and_real(void **state)
{
    (void)state;
    net_if_addr a[] = {ifa("lo", "127.0.0.1", 8, true)};
    assert_int_equal(net_lan_order(a, 1, NULL), 0);
    net_if_addr real[NET_MAX_LAN];
    int n = net_lan_addresses(real, NET_MAX_LAN);
    char first[NET_ADDR_LEN];
    net_lan_address(first, sizeof first);
    if (n > 0)
        assert_string_equal(first, text_of(&real[0]));
    else
        assert_string_equal(first, "127.0.0.1");
    for (int i = 0; i < n; i++)
        assert_int_not_equal(real[i].addr >> 24, 127);
}

TS_MAIN(NULL, NULL,
        cmocka_unit_test(test_default_route),
        cmocka_unit_test(test_no_default_route),
        cmocka_unit_test(test_route_down),
        cmocka_unit_test(test_only_loopback_and_real))

/* v1.c - placeholder */
#include "probe/probe_int.h"
int probe_discover_v1(struct iks_probe *p, bool aggressive) { (void)p; (void)aggressive; return 0; }
int probe_negotiate_v1(struct iks_probe *p, char *errbuf, size_t errlen) { (void)p; (void)errbuf; (void)errlen; return 0; }

/*
 * bench/readers - what reading a pcap costs before any parsing, to choose
 * the capture reader on numbers (issue 6):
 *
 *   readers pcap FILE   libpcap's offline reader: pcap_next_ex() per frame
 *   readers raw FILE    the least a reader of our own could do: read() in
 *                       1 MiB blocks, walk the record headers in place
 *
 * Both print the frame count and the captured bytes (and touch the first
 * byte of every frame), so the two can be checked against each other.
 * Classic pcap only (the raw walker), little-endian headers.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

static int by_pcap(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);
	struct pcap_pkthdr *h;
	const u_char *d;
	unsigned long long frames = 0, bytes = 0, sum = 0;

	if (!p) {
		fprintf(stderr, "readers: %s\n", err);
		return 1;
	}
	while (pcap_next_ex(p, &h, &d) == 1) {
		frames++;
		bytes += h->caplen;
		sum += h->caplen ? d[0] : 0;
	}
	pcap_close(p);
	printf("%llu frames, %llu bytes (%llu)\n", frames, bytes, sum);
	return 0;
}

#define BLOCK (1u << 20)

static int by_read(const char *path)
{
	int fd = open(path, O_RDONLY);
	uint8_t *buf = malloc(2 * BLOCK + 262144 + 16);
	size_t have = 0, off = 24;
	unsigned long long frames = 0, bytes = 0, sum = 0;
	ssize_t got;

	if (fd < 0 || !buf) {
		perror("readers");
		return 1;
	}
	for (;;) {
		got = read(fd, buf + have, BLOCK);
		if (got <= 0)
			break;
		have += (size_t)got;
		for (;;) {
			uint32_t caplen;

			if (have - off < 16)
				break;
			memcpy(&caplen, buf + off + 8, 4);
			if (caplen > 262144) {
				fprintf(stderr, "readers: bad record\n");
				return 1;
			}
			if (have - off < 16 + (size_t)caplen)
				break;
			frames++;
			bytes += caplen;
			sum += caplen ? buf[off + 16] : 0;
			off += 16 + caplen;
		}
		memmove(buf, buf + off, have - off); /* the partial record */
		have -= off;
		off = 0;
	}
	close(fd);
	free(buf);
	printf("%llu frames, %llu bytes (%llu)\n", frames, bytes, sum);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: readers pcap|raw FILE\n", stderr);
		return 2;
	}
	if (!strcmp(argv[1], "pcap"))
		return by_pcap(argv[2]);
	if (!strcmp(argv[1], "raw"))
		return by_read(argv[2]);
	fputs("usage: readers pcap|raw FILE\n", stderr);
	return 2;
}

# ikescope - top-level entry points.  The README's quick start is
# `make run` and `make test`; both install missing Debian packages first
# (as root) or say which to install.  The real build is CMake (build/).

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=
# Seconds per fuzz target: make fuzz's default, and the short run make
# test ends with (issue 7: every submission fuzzes each target briefly).
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 30

.PHONY: all deps build run test test-asan lab fuzz bench install clean

all: build

# Debian packages the build and the test suite need (scripts/deps).
deps:
	@scripts/deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The main job on bundled captures.
run: build
	@scripts/run-demo $(BUILD)/ikescope

# The whole suite (ctest: unit, golden, CLI, tshark cross-checks, the
# analyze manifest, live capture and probe against lab peers) in an
# ASan+UBSan build and a release build, then the live lab smoke test and a
# short run of every fuzz target.
test: build test-asan
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@rc=0; tests/lab/smoke --ikescope $(BUILD)/ikescope || rc=$$?; \
	  if [ $$rc -eq 77 ]; then echo "lab smoke test skipped (see the reason above)"; \
	  elif [ $$rc -ne 0 ]; then exit $$rc; fi
	@scripts/fuzz $(FUZZ_SMOKE_SECONDS)

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DIKS_SANITIZE=ON $(CMAKE_ARGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# Regenerate every lab scenario into tests/captures/lab (root, ~10 min).
lab: build
	@tests/lab/lab run-all --ikescope $(BUILD)/ikescope

# Every libFuzzer target for FUZZ_SECONDS each (docs/robustness.md).
fuzz: deps
	@scripts/fuzz $(FUZZ_SECONDS)

# Speed and memory against cat, tcpdump and tshark (docs/performance.md).
bench: build
	@bench/run --ikescope $(BUILD)/ikescope

install: build
	@cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz

# The two commands of the README:
#   make run ARGS='show kenya'    build (installing missing packages) and run
#   make test                     the whole test suite, as CI runs it
# Also: make build, make bench, make fuzz FUZZ_SECONDS=600, make package,
#       make install, make regen (regenerate completions/ and man/).

BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_CONFIGURE = cmake -S . -G Ninja -DCMAKE_BUILD_TYPE=Release
FUZZ_SECONDS ?= 60
MAKEFLAGS += --no-print-directory

.PHONY: all deps build run test test-release test-asan test-fuzz bench fuzz package install regen clean

all: build

deps:
	@sh cmake/deps.sh build

build: deps
	@test -f $(BUILD)/build.ninja || $(CMAKE_CONFIGURE) -B $(BUILD) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target iom >/dev/null

run: build
	@./$(BUILD)/iom $(ARGS)

# The sanitizer and fuzz builds run first; the release suite runs last so that
# ctest's summary line ends the output.
test:
	@sh cmake/deps.sh test
	@$(MAKE) test-asan
	@$(MAKE) test-fuzz
	@$(MAKE) test-release

test-release:
	$(CMAKE_CONFIGURE) -B build-ci -DIOM_WERROR=ON >/dev/null
	cmake --build build-ci -j $(JOBS)
	cd build-ci && ctest --output-on-failure -j $(JOBS)

test-asan:
	CC=clang-14 CXX=clang++-14 cmake -S . -G Ninja -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIOM_SANITIZE=ON -DIOM_WERROR=ON >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS) -LE slow

test-fuzz:
	CC=clang-14 CXX=clang++-14 cmake -S . -G Ninja -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIOM_FUZZ=ON -DIOM_TESTS=OFF >/dev/null
	cmake --build build-fuzz -j $(JOBS)
	cd build-fuzz && ctest --output-on-failure -L fuzz

bench:
	@sh cmake/deps.sh bench
	@sh tests/bench/run.sh

fuzz:
	@sh cmake/deps.sh test
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

package: build
	cd $(BUILD) && cpack -G DEB

install: build
	cmake --install $(BUILD)

regen: build
	@sh tests/shell/regen.sh ./$(BUILD)/iom

clean:
	rm -rf build build-ci build-asan build-fuzz

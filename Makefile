# The two commands of the README:
#   make run ARGS='show kenya'    build (installing missing packages) and run
#   make test                     the whole test suite, as CI runs it
# Also: make build, make bench, make fuzz FUZZ_SECONDS=600, make package,
#       make install, make regen (regenerate completions/ and man/),
#       make format (clang-format in place), make tidy (clang-tidy).

BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_CONFIGURE = cmake -S . -G Ninja -DCMAKE_BUILD_TYPE=Release
FUZZ_SECONDS ?= 60
MAKEFLAGS += --no-print-directory

.PHONY: all deps build run test test-release test-asan test-fuzz bench fuzz package install regen format tidy clean

all: build

deps:
	@sh cmake/deps.sh build

# The build's progress and its compiler errors go to stderr, so that the
# output of `make run` is iom's alone; configure's chatter is dropped, but
# not its errors.
build: deps
	@test -f $(BUILD)/build.ninja || $(CMAKE_CONFIGURE) -B $(BUILD) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target iom 1>&2

run: build
	@./$(BUILD)/iom $(ARGS)

# The sanitizer tree (ASan + UBSan, with the libFuzzer targets and their short
# runs) runs first; the release suite runs last so that ctest's summary line
# ends the output. The unit tests run in the sanitizer tree only (the ci
# preset sets IOM_UNIT_TESTS=OFF); the release tree runs everything else.
test:
	@sh cmake/deps.sh test
	@$(MAKE) test-asan
	@$(MAKE) test-release

test-release:
	cmake --preset ci >/dev/null
	cmake --build --preset ci -j $(JOBS)
	ctest --preset ci -j $(JOBS)

test-asan:
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# The fuzz tests alone (part of test-asan), in the same tree.
test-fuzz:
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset fuzz -j $(JOBS)

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

format:
	@sh cmake/format.sh fix

# clang-tidy needs each file's own compile command, which a unity build
# replaces with its batch's: a tree of its own without one, its generated
# headers built.
tidy:
	cmake --preset ci -B build-tidy -DIOM_UNITY=OFF >/dev/null
	cmake --build build-tidy -j $(JOBS) --target \
	  generated/docs/shell/iom.bash.inc generated/docs/shell/iom.zsh.inc \
	  generated/docs/shell/iom.fish.inc >/dev/null
	sh cmake/tidy.sh build-tidy

clean:
	rm -rf build build-ci build-asan build-tidy

# SPDX-License-Identifier: GPL-2.0
#
# dmacheck top-level Makefile.
#
#   make              build the reference core (build/libdmacore.a) and the examples
#   make plugin       the GCC plugin plugin/dmacheck.so (PLUGIN_CC=gcc-11 for another GCC;
#                     PLUGIN_SO=path for where it goes)
#   make check        the whole test suite (installs its deps, builds the plugins, runs a small
#                     real-kernel smoke); ends with "N passed, N failed"
#   make run          the main job (see README): set-up plus the most useful real run
#   make fresh-check  the README's two commands on a clean Debian 12 root (debootstrap, as
#                     root): scripts/fresh-check.sh; FRESH_DIRS="..." the directories of its
#                     `make run` (default drivers/usb/storage)
#   make deps         install what the project needs from Debian (scripts/deps.sh)
#   make install PREFIX=/usr/local   the dmacheck command, plugin, scripts, library, catalogue
#   make clean
#   V=1               show full command lines
#
# Objects go to build/ (normal) and build/cov/ (gcov-instrumented, for the coverage gate).

CC      ?= gcc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS += -Icore/include -Icore -Irules
LDLIBS  += -lpthread
PREFIX  ?= /usr/local
B       := build

ifeq ($(V),1)
Q :=
echo-cmd =
else
Q := @
echo-cmd = @printf '  %-6s %s\n' $(1) $(2);
endif

CORE_SRC  := $(wildcard core/*.c)
CORE_OBJ  := $(CORE_SRC:%.c=$(B)/%.o)
COV_OBJ   := $(CORE_SRC:%.c=$(B)/cov/%.o)
TEST_SRC  := $(wildcard core/tests/test_*.c)
TESTS     := $(TEST_SRC:core/tests/%.c=$(B)/cov/tests/%)
EXAMPLES  := $(patsubst examples/%.c,$(B)/examples/%,$(wildcard examples/*.c))
HDRS      := core/include/dmacore.h core/internal.h rules/rules.def rules/dma-apis.def

.PHONY: all check check-setup run fresh-check deps install clean plugin
.SECONDARY:
all: $(B)/libdmacore.a $(EXAMPLES) plugin

# The one analysis (analysis/, docs/architecture.md) and the catalogue's tables: plain C11,
# compiled once as C into a position-independent archive that both front ends link: the
# GCC plugin (a shared object, hence -fPIC) and the sparse checker. Hidden visibility keeps
# its symbols from binding to cc1's own when the plugin is loaded.
ANALYSIS_SRC := $(wildcard analysis/*.c) rules/catalogue.c
ANALYSIS_OBJ := $(ANALYSIS_SRC:%.c=$(B)/pic/%.o)
ANALYSIS_LIB := $(B)/libdmanalysis.a
ANALYSIS_HDR := $(wildcard analysis/*.h) rules/catalogue.h rules/rules.def rules/dma-apis.def \
	rules/dma-apis-rows.h rules/dma-apis-versions.def

$(B)/pic/%.o: %.c $(ANALYSIS_HDR)
	@mkdir -p $(dir $@)
	$(call echo-cmd,CC,$<)$(CC) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -Ianalysis -Irules -c $< -o $@

$(ANALYSIS_LIB): $(ANALYSIS_OBJ)
	$(call echo-cmd,AR,$@)rm -f $@ && $(AR) rcs $@ $^

# The GCC plugin: the GIMPLE front end, kernel-style C compiled as C++ against the plugin
# headers of the GCC that will load it (as scripts/gcc-plugins does), linked with the
# analysis archive. g++ must be the same version as PLUGIN_CC.
PLUGIN_CC  ?= $(CC)
PLUGIN_CXX ?= $(patsubst %gcc,%g++,$(patsubst cc,g++,$(PLUGIN_CC)))
PLUGIN_SO  ?= plugin/dmacheck.so
PLUGIN_SRC := $(wildcard plugin/*.c)
PLUGIN_INC  = $(shell $(PLUGIN_CC) -print-file-name=plugin)/include
PLUGIN_CXXFLAGS := -std=gnu++14 -fPIC -shared -O2 -g -fno-rtti -fno-exceptions \
	-fasynchronous-unwind-tables -Wall -Wno-narrowing -Wno-unused-variable -Wno-format-diag

plugin: $(PLUGIN_SO)
$(PLUGIN_SO): $(PLUGIN_SRC) $(wildcard plugin/*.h) $(ANALYSIS_LIB) analysis/dmacheck-ir.h rules/catalogue.h
	@test -d $(PLUGIN_INC) || { echo "plugin: no GCC plugin headers at $(PLUGIN_INC); run 'make deps'" >&2; exit 2; }
	@mkdir -p $(dir $@)
	$(call echo-cmd,CXX,$@)$(PLUGIN_CXX) $(PLUGIN_CXXFLAGS) -I$(PLUGIN_INC) -Iplugin -Ianalysis -Irules \
		-x c++ $(PLUGIN_SRC) -x none $(ANALYSIS_LIB) -o $@

$(B)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(call echo-cmd,CC,$<)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

$(B)/libdmacore.a: $(CORE_OBJ)
	$(call echo-cmd,AR,$@)$(AR) rcs $@ $^

$(B)/examples/%: examples/%.c $(B)/libdmacore.a
	@mkdir -p $(dir $@)
	$(call echo-cmd,CCLD,$@)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $< $(B)/libdmacore.a -o $@ $(LDLIBS)

# Coverage build: -O0 so that gcov's line counts mean what the source says.
$(B)/cov/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(call echo-cmd,CC,$@)$(CC) $(WARN) -O0 -g --coverage $(CPPFLAGS) -c $< -o $@

$(B)/cov/tests/%: core/tests/%.c core/tests/tap.h $(COV_OBJ)
	@mkdir -p $(dir $@)
	$(call echo-cmd,CCLD,$@)$(CC) $(WARN) -O0 -g --coverage $(CPPFLAGS) -Icore/tests $< $(COV_OBJ) -o $@ $(LDLIBS)

# `make check` does its own set-up on a fresh machine: the Debian packages of the groups it
# tests (scripts/deps.sh is a no-op when they are there), then both plugin builds. The GCC 11
# build is tested only where gcc-11 and its plugin headers exist (deps installs them).
CHECK_DEPS ?= build plugin kernel kernel612 fuzz cocci sparse icecc
PLUGIN11_SO := $(B)/gcc-11/dmacheck.so
check-setup:
	$(Q)sh scripts/deps.sh $(CHECK_DEPS)
	$(Q)$(MAKE) --no-print-directory plugin sparse
	$(Q)if command -v gcc-11 >/dev/null && test -d "$$(gcc-11 -print-file-name=plugin)/include"; then \
		$(MAKE) --no-print-directory plugin PLUGIN_CC=gcc-11 PLUGIN_CXX=g++-11 PLUGIN_SO=$(PLUGIN11_SO); fi

check: check-setup
	$(Q)$(MAKE) --no-print-directory $(B)/libdmacore.a $(TESTS) $(EXAMPLES)
	$(Q)B=$(B) TESTS="$(TESTS)" EXAMPLES="$(EXAMPLES)" CORE_SRC="$(CORE_SRC)" \
		PLUGIN_SO=$(PLUGIN_SO) PLUGIN11_SO=$(PLUGIN11_SO) SPARSE_BIN=$(SPARSE_BIN) \
		JOBS=$$(nproc) sh scripts/check.sh

# The main job: deps first (a fresh machine has no plugin headers for `all`), then the scan.
run:
	$(Q)sh scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh scripts/run.sh

deps:
	$(Q)sh scripts/deps.sh

# What a new user's machine does with the README: both commands, each in a clean Debian 12.
fresh-check:
	$(Q)bash scripts/fresh-check.sh $(if $(FRESH_DIRS),--dirs "$(FRESH_DIRS)")

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/dmacheck \
		$(DESTDIR)$(PREFIX)/include/dmacheck $(DESTDIR)$(PREFIX)/share/dmacheck/rules \
		$(DESTDIR)$(PREFIX)/share/dmacheck/scan $(DESTDIR)$(PREFIX)/share/dmacheck/scripts \
		$(DESTDIR)$(PREFIX)/share/dmacheck/cocci
	install -m 644 $(B)/libdmacore.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 core/include/dmacore.h rules/rules.def $(DESTDIR)$(PREFIX)/include/dmacheck/
	install -m 644 rules/rules.def rules/dma-apis.def rules/dma-apis-versions.def rules/summaries-*.db \
		$(DESTDIR)$(PREFIX)/share/dmacheck/rules/
	install -m 755 bin/dmacheck $(DESTDIR)$(PREFIX)/bin/
	install -m 644 scan/*.py $(DESTDIR)$(PREFIX)/share/dmacheck/scan/
	install -m 755 scripts/kernel-tree.sh scripts/deps.sh $(DESTDIR)$(PREFIX)/share/dmacheck/scripts/
	install -m 755 $(PLUGIN_SO) $(DESTDIR)$(PREFIX)/lib/dmacheck/dmacheck.so
	for f in $(wildcard build/cocci/*.cocci cocci/*.cocci); do \
		install -m 644 $$f $(DESTDIR)$(PREFIX)/share/dmacheck/cocci/; done
	if [ -x build/sparse/dmacheck-sparse ]; then install -m 755 build/sparse/dmacheck-sparse \
		$(DESTDIR)$(PREFIX)/lib/dmacheck/; fi

clean:
	rm -rf $(B) plugin/dmacheck.so

# the other front ends' targets: make cocci, cocci-check, cocci-kernel; make sparse
include cocci/cocci.mk
include sparse/sparse.mk

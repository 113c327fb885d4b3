# SPDX-License-Identifier: GPL-2.0
#
# sparse/sparse.mk - the sparse-based checker, included by the top-level Makefile.
#
#   make sparse          fetch Debian's sparse source (sparse/fetch-sparse.sh), build its
#                        libsparse.a, then build/sparse/dmacheck-sparse (the front end in
#                        sparse/, linked with the analysis archive of analysis/)
#   make sparse-fetch    only the fetch and libsparse.a
#
# Nothing of sparse is committed: the source package is unpacked into
# $(B)/sparse-src/sparse-$(SPARSE_VERSION)/ by apt-get source with a project-local apt
# configuration ($(B)/apt/). SPARSE_CC picks the compiler (default $(CC)).

B              ?= build
SPARSE_VERSION ?= 0.6.4
SPARSE_SRC     := $(B)/sparse-src/sparse-$(SPARSE_VERSION)
SPARSE_LIB     := $(SPARSE_SRC)/libsparse.a
SPARSE_BIN     := $(B)/sparse/dmacheck-sparse
SPARSE_CC      ?= $(CC)
DMCS_SRC       := $(wildcard sparse/*.c)
DMCS_OBJ       := $(DMCS_SRC:sparse/%.c=$(B)/sparse/%.o)
# sparse's headers need GNU C; its own code does not build warning-free under -Wextra
DMCS_CFLAGS    := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
		  -Wno-sign-compare -Wno-missing-field-initializers
DMCS_CPPFLAGS  := -I$(SPARSE_SRC) -Irules -Ianalysis -Isparse

.PHONY: sparse sparse-fetch
sparse: $(SPARSE_BIN)
sparse-fetch: $(SPARSE_LIB)

# made only when missing (the script is idempotent; a newer script must not rebuild it all)
$(SPARSE_LIB):
	$(Q)SPARSE_PKG_VERSION=$(SPARSE_VERSION) sh sparse/fetch-sparse.sh $(B)

# every object waits for the fetch: they include sparse's headers
$(B)/sparse/%.o: sparse/%.c $(wildcard sparse/*.h) $(ANALYSIS_HDR) $(SPARSE_LIB)
	@mkdir -p $(dir $@)
	$(call echo-cmd,CC,$<)$(SPARSE_CC) $(DMCS_CFLAGS) $(DMCS_CPPFLAGS) -c $< -o $@

# the front end, the analysis archive (the Makefile's ANALYSIS_LIB, shared with the GCC
# plugin) and libsparse
$(SPARSE_BIN): $(DMCS_OBJ) $(ANALYSIS_LIB) $(SPARSE_LIB)
	$(call echo-cmd,CCLD,$@)$(SPARSE_CC) -o $@ $(DMCS_OBJ) $(ANALYSIS_LIB) $(SPARSE_LIB) -lm

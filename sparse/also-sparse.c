// SPDX-License-Identifier: GPL-2.0
/*
 * also-sparse.c - sparse's own checks, for --also-sparse: the `sparse` program's sparse.c
 * (from the fetched Debian source, not a copy) compiled in with its main() renamed, so that
 * check_symbols() -- expansion with inlining, linearization with sparse's optimisations,
 * context checks -- runs exactly as in `sparse`, warnings and all.
 */
#define main dmcs_sparse_program_main
#include "sparse.c"
#undef main

void also_sparse_symbols(struct symbol_list *list);

void also_sparse_symbols(struct symbol_list *list)
{
	check_symbols(list);
}

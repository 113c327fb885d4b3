// SPDX-License-Identifier: GPL-2.0
/*
 * catalogue.c - the small tree helpers every check uses (names of records, declarations and
 * called functions). The catalogue's tables and lookups are rules/catalogue.c, shared with
 * the sparse checker.
 */
#include "dmacheck.h"

const char *record_name(const_tree type)
{
	tree name;

	if (!type)
		return NULL;
	type = TYPE_MAIN_VARIANT(type);
	if (TREE_CODE(type) != RECORD_TYPE && TREE_CODE(type) != UNION_TYPE)
		return NULL;
	name = TYPE_NAME(type);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE ? IDENTIFIER_POINTER(name) : NULL;
}

const char *decl_name(const_tree decl)
{
	return decl && DECL_P(decl) && DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : "";
}

const char *call_name(const gimple *stmt)
{
	tree fndecl = gimple_call_fndecl(stmt);

	return fndecl ? decl_name(fndecl) : NULL;
}

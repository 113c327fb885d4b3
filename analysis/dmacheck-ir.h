/* SPDX-License-Identifier: GPL-2.0 */
/*
 * analysis/dmacheck-ir.h - the small IR both compiler front ends translate into (plugin/ from GIMPLE,
 * sparse/ from sparse's linearized form), and the only interface between them and the
 * analysis. Plain C11, no compiler headers; also valid C++ (the plugin includes it).
 *
 * A function is a list of basic blocks holding instructions over values:
 *   values      a constant, a parameter (0-based), or a temporary defined by one instruction
 *               (an SSA name / a sparse pseudo); anything a front end cannot name is
 *               IR_UNKNOWN (value 0)
 *   places      memory: an object (a local, a parameter kept in memory, a static, a string)
 *               or what a pointer value points to, plus a constant byte offset, "some
 *               element" when an array index is not constant, the bytes accessed and the
 *               member path as written (record and member names with the member's offset)
 *   objects     each local is its own object (two locals of one type are two objects);
 *               members are told apart by byte offset, so union members alias as in C
 *   locations   an opaque 64-bit handle the front end chose (location_t / struct position),
 *               already placed where the diagnostic belongs: the analysis only compares and
 *               hands them back
 *
 * Instructions: COPY (also casts), ARITH (the operator matters only for flag values and
 * pointer arithmetic), SELECT, PHI, ADDR (&place), LOAD, STORE, CALL (callee by name, NULL
 * through a pointer), BRANCH (a condition and two successors), JUMP, RETURN.
 *
 * Ownership: the front end builds an ir_fn with the ir_* functions, hands it to
 * analysis_add_function() and never touches it again. Strings are copied (interned).
 */
#ifndef DMACHECK_IR_H
#define DMACHECK_IR_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct { unsigned long long raw; } ir_loc;

enum ir_val_kind { IRV_UNKNOWN, IRV_CONST, IRV_PARAM, IRV_TEMP };

struct ir_val {
	enum ir_val_kind kind;
	long long cst;		/* IRV_CONST */
	int param;		/* IRV_PARAM: 0-based */
	int def;		/* IRV_TEMP: the defining instruction, -1 until emitted */
};

enum ir_op {
	IR_COPY, IR_ARITH, IR_SELECT, IR_PHI, IR_ADDR, IR_LOAD, IR_STORE, IR_CALL,
	IR_BRANCH, IR_JUMP, IR_RETURN,
	IR_SWITCH,		/* a: the value; b: the default block; cases: the others */
};

enum ir_arith {
	IRA_PTRADD,		/* pointer a plus byte offset b */
	IRA_ADD, IRA_SUB, IRA_AND, IRA_OR, IRA_XOR, IRA_NOT, IRA_MIN, IRA_MAX,
	IRA_CMP,		/* a comparison (cmp says which), 0 or 1 */
	IRA_OTHER,
};

enum ir_cmp { IRC_NONE, IRC_EQ, IRC_NE, IRC_LT, IRC_LE, IRC_GT, IRC_GE };

#define IR_MAX_STEPS 6

struct ir_step {
	const char *record;	/* "urb" (struct or union name, "" if anonymous) */
	const char *field;	/* "transfer_dma" ("" if anonymous) */
	long long offset;	/* of the member inside its record, bytes */
};

struct ir_place {
	int object;		/* >= 0: an object of the function (ir_object) */
	int ptr;		/* object < 0: the pointer value */
	long long offset;	/* constant byte offset from the object / pointer */
	bool var_index;		/* some array index is not a constant */
	unsigned int size;	/* bytes accessed, 0 if unknown (an address) */
	unsigned int nsteps;	/* member path, outermost first (the innermost kept) */
	struct ir_step steps[IR_MAX_STEPS];
};

/* One case of a switch: values low..high (in the switch's width, see bits) go to block bb. */
struct ir_case {
	long long low, high;
	int bb;
};

struct ir_insn {
	enum ir_op op;
	enum ir_arith arith;	/* IR_ARITH */
	enum ir_cmp cmp;	/* IR_ARITH IRA_CMP, IR_BRANCH */
	int bb;
	ir_loc loc;
	int dst;		/* value defined, 0 if none */
	int a, b, c;		/* operands; BRANCH: a cmp b (IRC_NE against 0 for a plain test) */
	int *args;		/* PHI (one per predecessor, in any order), CALL */
	unsigned int nargs;
	const char *callee;	/* CALL: NULL if indirect */
	struct ir_place place;	/* ADDR, LOAD, STORE */
	unsigned char bits;	/* ARITH: the result's width; BRANCH, IRA_CMP: the operands';
				 * 0 if unknown */
	bool is_unsigned;	/* BRANCH, IRA_CMP: an unsigned comparison */
	unsigned int ncases;	/* SWITCH */
	struct ir_case *cases;	/* SWITCH: every case but the default */
};

/*
 * Where an object lives. The front end says what the declaration says; the analysis decides
 * what that means (sinks.c: module or built-in, dma-map-invalid-area or dma-map-rodata).
 *   IRO_FRAME   the function's frame: locals, parameters kept in memory, compound literals
 *   IRO_DATA    static storage defined in this unit, writable: .data/.bss (file-scope and
 *               function-local statics, globals)
 *   IRO_RODATA  static storage defined in this unit, read-only: const-qualified statics and
 *               globals, string literals (.rodata)
 *   IRO_STATIC  other static storage, not judged: declared here but defined elsewhere
 *               (extern), per-cpu variables (the per-cpu allocator's copies are what code
 *               reaches through this_cpu_ptr()/per_cpu_ptr())
 */
enum ir_obj_kind { IRO_FRAME, IRO_STATIC, IRO_DATA, IRO_RODATA };

struct ir_object {
	const char *name;	/* "" if none (a compound literal, a string) */
	ir_loc loc;		/* the declaration */
	enum ir_obj_kind kind;
	int param;		/* >= 0: the parameter this object holds (kept in memory) */
};

struct ir_bb {
	int first, last;	/* instructions [first, last) */
	int succ[2];		/* -1 if none; BRANCH: [0] when true, [1] when false */
	int nsucc;
	int *extra_succ;	/* more successors (a switch) */
	int nextra;
};

struct ir_fn {
	const char *name;
	ir_loc loc;
	int nparams;
	struct ir_val *vals;	int nvals, capvals;
	struct ir_insn *insns;	int ninsns, capinsns;
	struct ir_bb *bbs;	int nbbs, capbbs;
	struct ir_object *objs;	int nobjs, capobjs;
	int cur_bb;		/* the block being emitted */
	bool is_public;		/* not static: other units may call it (xsummary.c) */
	int *param_vals;	/* value of each parameter */
	void *ident_cache;	/* ident.c's stores of the function, built on first use */
};

/* ---- building (ir.c) ------------------------------------------------------------------ */

const char *ir_intern(const char *s);		/* a copy that lives until exit */
struct ir_fn *ir_fn_new(const char *name, int nparams, ir_loc loc);
void ir_fn_free(struct ir_fn *fn);

int ir_const(struct ir_fn *fn, long long v);
int ir_param(struct ir_fn *fn, int i);		/* 0 if out of range */
int ir_temp(struct ir_fn *fn);			/* defined later by an instruction */
int ir_object(struct ir_fn *fn, const char *name, ir_loc loc, enum ir_obj_kind kind,
	      int param);

int ir_block(struct ir_fn *fn);			/* a new block */
void ir_begin_block(struct ir_fn *fn, int bb);	/* emit into it (each block once) */
void ir_succ(struct ir_fn *fn, int bb, int succ);

/* The emitters append to the current block; dst 0 asks for a new temporary; each returns
 * the value defined (or 0). */
int ir_copy(struct ir_fn *fn, int dst, int a, ir_loc loc);
int ir_arith(struct ir_fn *fn, int dst, enum ir_arith op, enum ir_cmp cmp, int a, int b,
	     ir_loc loc);
int ir_select(struct ir_fn *fn, int dst, int cond, int a, int b, ir_loc loc);
int ir_phi(struct ir_fn *fn, int dst, const int *args, unsigned int nargs, ir_loc loc);
int ir_addr(struct ir_fn *fn, int dst, const struct ir_place *p, ir_loc loc);
int ir_load(struct ir_fn *fn, int dst, const struct ir_place *p, ir_loc loc);
void ir_store(struct ir_fn *fn, const struct ir_place *p, int v, ir_loc loc);
/* After the function is built (analysis_add_function() calls it): the address of an array
 * member whose only use is to index it (a load or store of nic->rx_dma[i], which ir_load and
 * ir_store give the member's place) is not an address-taking of that member: its member path
 * is dropped. */
void ir_fold_array_bases(struct ir_fn *fn);
int ir_call(struct ir_fn *fn, int dst, const char *callee, const int *args,
	    unsigned int nargs, ir_loc loc);
void ir_branch(struct ir_fn *fn, enum ir_cmp cmp, int a, int b, ir_loc loc);
void ir_return(struct ir_fn *fn, int v, ir_loc loc);
/* A switch on v that ends the block, then its cases (values low..high go to block bb; any
 * other value to default_bb); ir_set_width() gives the width of v and the cases. */
void ir_switch(struct ir_fn *fn, int v, int default_bb, ir_loc loc);
void ir_switch_case(struct ir_fn *fn, long long low, long long high, int bb);
/* The width in bits and signedness of the last instruction's arithmetic (see ir_insn). */
void ir_set_width(struct ir_fn *fn, unsigned int bits, bool is_unsigned);
/* The last instruction, an IR_CALL through a pointer (callee NULL), calls the value fnptr
 * (kept in its c; indirect.c resolves a pointer loaded from an ops table's member). */
void ir_set_call_target(struct ir_fn *fn, int fnptr);

/* Place helpers: an empty place on an object or through a pointer; a member step added
 * (outermost first; the oldest dropped beyond IR_MAX_STEPS). */
void ir_place_object(struct ir_place *p, int object);
void ir_place_deref(struct ir_place *p, int ptr);
void ir_place_step(struct ir_place *p, const char *record, const char *field,
		   long long offset);

/* Debug: the IR as text (DMACHECK_IR_DUMP=1 in the environment dumps every function). */
void ir_dump(const struct ir_fn *fn, void *file);

/* ---- the analysis (analysis.c) --------------------------------------------------------- */

/* What the analysis needs from a front end to speak. */
struct analysis_frontend {
	/* print "warning: <message> [dmacheck-<slug>]" at loc; false if not shown */
	bool (*diagnose)(int rule, ir_loc loc);
	void (*note)(ir_loc loc, const char *text);
	/* "note: 'name' declared here" */
	void (*note_declared)(ir_loc loc, const char *name);
	/* two locations are one place (a rule is reported once per place) */
	bool (*same_loc)(ir_loc a, ir_loc b);
};

void analysis_init(const struct analysis_frontend *fe);
/* -fplugin-arg-dmacheck-disable / --dmacheck-disable */
void analysis_disable_rule(int rule);
/* Summaries across units (analysis/xsummary.c, docs/summaries.md): read a database made by
 * scan/summaries.py (false and *err filled if it cannot be read or is malformed); write each
 * unit's non-static summaries into dir; the path of the unit being compiled (relative to the
 * tree, as the compiler was given it). */
bool analysis_read_summaries(const char *path, char *err, size_t errlen);
bool analysis_write_summaries_to(const char *dir, char *err, size_t errlen);
void analysis_unit_file(const char *path);
/* How the unit is built, from the macros kbuild defines: kbuild (KBUILD_MODNAME is defined:
 * kbuild compiles the file) and module (MODULE is defined: into a module). Unknown (neither,
 * a file compiled outside kbuild) counts as a module (sinks.c). Called before the unit's
 * analysis_finish_unit(); reset there. */
void analysis_unit_kbuild(bool kbuild, bool module);
/* The analysis owns fn from now on. */
void analysis_add_function(struct ir_fn *fn);
/* A static initializer of the unit sets record.field to the address of function
 * (`static const struct vnd_bus_ops vnd_usb_ops = { .read = vnd_read_cmd }`): calls through
 * that member may be resolved (analysis/indirect.c). Before analysis_finish_unit(). */
void analysis_fnptr_init(const char *record, const char *field, const char *function);
/* Every function is in: summaries, checks, diagnostics; then everything is freed. */
void analysis_finish_unit(void);

#ifdef __cplusplus
}
#endif

#endif /* DMACHECK_IR_H */

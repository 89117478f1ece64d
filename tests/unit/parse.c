/*
 * parse.c - unit tests of the parser: each row is a text and the tree it
 * must give (cmd_dump's S-expression), or "MORE" when more input is
 * needed, or "ERR: message" for a syntax error.
 */
#include <stdlib.h>

#include "core/lex.h"
#include "core/parse.h"
#include "unit.h"

static const struct unit_row rows[] = {
	{ "simple", "echo hi", "(exec echo hi)" },
	{ "empty", "  # only a comment\n", "()" },
	{ "assign", "a=1 b=2", "(exec a=1 b=2)" },
	{ "assign-cmd", "a=1 env x=2", "(exec a=1 env x=2)" },
	{ "redir", "cat <in >out 2>>log", "(exec cat 0<in 1>out 2>>log)" },
	{ "redir-order", "cmd 2>&1 >f", "(exec cmd 2>&1 1>f)" },
	{ "redir-only", ">f", "(exec 1>f)" },
	{ "dup-close", "cmd <&- 3>&-", "(exec cmd 0<&- 3>&-)" },
	{ "rdwr", "cmd 3<>f", "(exec cmd 3<>f)" },
	{ "pipe", "a | b | c", "(pipe (exec a) (exec b) (exec c))" },
	{ "pipe-newline", "a |\n b", "(pipe (exec a) (exec b))" },
	{ "not", "! a | b", "(not (pipe (exec a) (exec b)))" },
	{ "and-or", "a && b || c", "(or (and (exec a) (exec b)) (exec c))" },
	{ "list", "a; b\nc", "(list (exec a) (list (exec b) (exec c)))" },
	{ "back", "a & b", "(list (back (exec a)) (exec b))" },
	{ "back-end", "a | b &", "(back (pipe (exec a) (exec b)))" },
	{ "subshell", "(a; b) >f", "(redir (subshell (list (exec a) (exec b))) 1>f)" },
	{ "group", "{ a; b; }", "(group (list (exec a) (exec b)))" },
	{ "brace-arg", "echo { }", "(exec echo { })" },
	{ "if", "if a; then b; fi", "(if (exec a) (exec b))" },
	{ "if-else", "if a; then b; else c; fi", "(if (exec a) (exec b) (exec c))" },
	{ "elif", "if a; then b; elif c; then d; fi", "(if (exec a) (exec b) (if (exec c) (exec d)))" },
	{ "while", "while a; do b; done", "(while (exec a) (exec b))" },
	{ "until", "until a\ndo b\ndone", "(until (exec a) (exec b))" },
	{ "for", "for i in 1 2; do echo $i; done", "(for i in 1 2 (exec echo $i))" },
	{ "for-args", "for i; do echo; done", "(for i (exec echo))" },
	{ "for-newline", "for i\ndo echo; done", "(for i (exec echo))" },
	{ "keyword-as-arg", "echo if then fi", "(exec echo if then fi)" },
	{ "quoted-keyword", "\"if\" a", "(exec \"if\" a)" },
	{ "nested", "while a; do if b; then break; fi; done | c",
	    "(pipe (while (exec a) (if (exec b) (exec break))) (exec c))" },
	{ "more-if", "if a; then", "MORE" },
	{ "more-pipe", "a |", "MORE" },
	{ "more-and", "a &&", "MORE" },
	{ "more-quote", "echo 'a", "MORE" },
	{ "more-brace", "{ a;", "MORE" },
	{ "more-continuation", "echo a \\\n", "MORE" },
	{ "err-semi", ";", "ERR: syntax error: unexpected `;'" },
	{ "err-double-semi", "a;;", "ERR: syntax error: unexpected `;;'" },
	{ "err-fi", "fi", "ERR: syntax error: unexpected `fi'" },
	{ "err-then", "echo a; then", "ERR: syntax error: unexpected `then'" },
	{ "err-paren", "echo )", "ERR: syntax error: unexpected `)'" },
	{ "err-empty-group", "{ }", "ERR: syntax error: unexpected `}'" },
	{ "err-empty-subshell", "( )", "ERR: syntax error: unexpected `)'" },
	{ "err-redir-target", "echo >\n", "ERR: syntax error: unexpected newline" },
	{ "err-pipe-start", "| a", "ERR: syntax error: unexpected `|'" },
	{ "err-for-name", "for 1x in a; do b; done", "ERR: for: bad variable name `1x'" },
	{ "err-in", "in a", "ERR: syntax error: unexpected `in'" },
	{ "heredoc-more", "cat <<EOF", "MORE" },
	{ "heredoc-body-more", "cat <<EOF\nabc\n", "MORE" },
	{ "heredoc", "cat <<EOF\nabc\nEOF\n", "(exec cat 0<<EOF[abc\n])" },
	{ "heredoc-fd", "cat 3<<E\nx\nE", "(exec cat 3<<E[x\n])" },
	{ "heredoc-strip", "cat <<-E\n\t\tx\n\tE\n", "(exec cat 0<<E[x\n])" },
	{ "heredoc-quoted", "cat <<'E'\n$x\nE\n", "(exec cat 0<<'E'[$x\n])" },
	{ "heredoc-two", "cat <<A; cat <<B\n1\nA\n2\nB\n",
	    "(list (exec cat 0<<A[1\n]) (exec cat 0<<B[2\n]))" },
	{ "heredoc-pipe", "cat <<E | wc\nx\nE\n",
	    "(pipe (exec cat 0<<E[x\n]) (exec wc))" },
	{ "heredoc-then-cmd", "cat <<E\nx\nE\necho y",
	    "(list (exec cat 0<<E[x\n]) (exec echo y))" },
	{ "heredoc-empty", "cat <<E\nE\n", "(exec cat 0<<E[])" },
	{ "heredoc-in-group", "{ cat <<E\nx\nE\n}",
	    "(group (exec cat 0<<E[x\n]))" },
	{ "function", "f() { a; }", "(func f (group (exec a)))" },
	{ "function-space", "f ( ) ( a )", "(func f (subshell (exec a)))" },
	{ "function-newline", "f()\n{ a; }", "(func f (group (exec a)))" },
	{ "function-redir", "f() { a; } >out",
	    "(func f (redir (group (exec a)) 1>out))" },
	{ "function-if", "f() if a; then b; fi", "(func f (if (exec a) (exec b)))" },
	{ "function-then-call", "f() { a; }; f",
	    "(list (func f (group (exec a))) (exec f))" },
	{ "function-more", "f() {", "MORE" },
	{ "function-more-paren", "f()", "MORE" },
	{ "err-function-simple", "f() echo", "ERR: syntax error: unexpected `echo'" },
	{ "err-function-name", "a-b() { a; }", "ERR: syntax error: Bad function name" },
	{ "err-function-assign", "x=1 f() { a; }", "ERR: syntax error: unexpected `('" },
	{ "case", "case x in x) a;; esac", "(case x (x (exec a)))" },
	{ "case-alt", "case $v in a|b) x;; *) y;; esac",
	    "(case $v (a|b (exec x)) (* (exec y)))" },
	{ "case-paren", "case x in (x) a;; esac", "(case x (x (exec a)))" },
	{ "case-empty", "case x in esac", "(case x)" },
	{ "case-empty-body", "case x in x) ;; esac", "(case x (x))" },
	{ "case-last-no-dsemi", "case x in x) a\nesac", "(case x (x (exec a)))" },
	{ "case-newlines", "case x\nin\nx)\na\n;;\nesac",
	    "(case x (x (exec a)))" },
	{ "case-keyword-pattern", "case x in (esac) a;; esac",
	    "(case x (esac (exec a)))" },
	{ "case-quoted", "case x in \"*\") a;; esac", "(case x (\"*\" (exec a)))" },
	{ "case-more", "case x in", "MORE" },
	{ "case-more-item", "case x in x) a;;", "MORE" },
	{ "err-case-no-in", "case x y", "ERR: syntax error: unexpected `y'" },
	{ "err-case-no-paren", "case x in a b", "ERR: syntax error: unexpected `b'" },
	{ "err-esac", "esac", "ERR: syntax error: unexpected `esac'" },
	{ "err-dsemi-top", "a ;; b", "ERR: syntax error: unexpected `;;'" },
	/* $(...) and `...` are parsed with their word (dash) */
	{ "err-subst-if", "echo a; x=$(if); echo b",
	    "ERR: syntax error: unexpected `)'" },
	{ "err-subst-fi", "x=$(fi)", "ERR: syntax error: unexpected `fi'" },
	{ "err-subst-dquote", "echo \"$(done)\"",
	    "ERR: syntax error: unexpected `done'" },
	{ "err-bquote-if", "x=`if`",
	    "ERR: syntax error: unexpected end of file in `...`" },
	{ "subst-more", "x=$(echo a", "MORE" },
	{ "subst-case", "echo $(case x in x) a;; esac)",
	    "(exec echo $(case x in x) a;; esac))" },
	{ "subst-arith-paren", "echo $(( (1) + 2 ))",
	    "(exec echo $(( (1) + 2 )))" },
};

/*
 * Aliases (ll, e and loop, as main sets them): the lexer puts the value in
 * place of the command word, once.
 */
static const struct unit_row alias_rows[] = {
	{ "alias-simple", "e hi", "(exec echo hi)" },
	{ "alias-trailing-blank", "ll e", "(exec ls -l echo)" },
	{ "alias-no-blank", "e e", "(exec echo e)" },
	{ "alias-no-recursion", "loop", "(exec loop again)" },
	{ "alias-quoted", "'e' x", "(exec 'e' x)" },
	{ "alias-after-pipe", "a | e x", "(pipe (exec a) (exec echo x))" },
	{ "alias-text-kept", "e x; e y",
	    "(list (exec echo x) (exec echo y))" },
};

/* The tree of a text, or MORE, or "ERR: message"; malloc'ed. */
static char *
parse_text(const char *in)
{
	struct cmd *c;
	char *err, *got;

	switch (parse_buf(in, strlen(in), 1, &c, &err)) {
	case PARSE_OK:
		got = cmd_dump(c);
		break;
	case PARSE_INCOMPLETE:
		got = strdup("MORE");
		break;
	default:
		if (asprintf(&got, "ERR: %s", err) < 0)
			got = NULL;
		break;
	}
	free(err);
	cmd_free(c);
	return got;
}

int
main(void)
{
	unit_rows("parse", rows, sizeof(rows) / sizeof(rows[0]), parse_text);
	alias_set("ll", "ls -l ");
	alias_set("e", "echo");
	alias_set("loop", "loop again");
	unit_rows("parse", alias_rows,
	    sizeof(alias_rows) / sizeof(alias_rows[0]), parse_text);
	return unit_failed;
}

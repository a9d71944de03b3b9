#ifndef GOV_CEDITLINE_H
#define GOV_CEDITLINE_H

// Fixed-argument wrappers around libedit for Swift, which cannot call C variadic functions (el_set,
// el_get, history), plus the few process-level calls that are variadic or macro-based in libc (ioctl,
// sigaction with a C handler). Everything else of libedit (el_gets, el_line, el_insertstr, el_end) is
// called from Swift directly. One line editor per process: the prompt lives in this file.

#include <histedit.h>

/// Makes LC_CTYPE a UTF-8 locale: the user's if it is UTF-8, else C.UTF-8. Without it libedit's
/// wide-character input turns 微博 into an empty line. Returns 1 when a UTF-8 locale is in effect.
int gov_ensure_utf8_ctype(void);

/// el_init on the standard streams, emacs key bindings, libedit's own signal handling (window size, job
/// control), ~/.editrc, `list` as the history list, and an interruptible terminal reader (EL_GETCFN):
/// Ctrl-C ends el_gets with NULL (errno EINTR) even when it arrives just before the read blocks.
EditLine *gov_el_open(const char *program, History *list);

/// The prompt libedit shows; copied, so the caller's string need not outlive the call.
void gov_el_set_prompt(EditLine *editor, const char *prompt);

/// Registers a named editor function and binds a key sequence (e.g. "^I") to it.
int gov_el_bind_function(EditLine *editor, const char *name, const char *help,
                         unsigned char (*function)(EditLine *, int), const char *key);

void gov_el_set_client_data(EditLine *editor, void *data);
void *gov_el_client_data(EditLine *editor);

History *gov_history_open(int size);
void gov_history_close(History *list);
int gov_history_enter(History *list, const char *entry);

/// SIGINT sets a flag (and wakes the line editor's reader through a pipe) instead of ending the process; a
/// read in progress returns with EINTR. SIGCONT wakes the reader to take the terminal again and redraw; SIGTSTP
/// gives the terminal back in its first mode before stopping (libedit handles these only once a line). The terminal's
/// signals (SIGINT, SIGHUP, SIGTERM, SIGWINCH, job control) are unblocked, in case the mask was inherited.
void gov_install_interrupt_flag(void);
/// Before el_gets: forgets a resume that happened between lines (handled then).
void gov_el_prepare(EditLine *editor);
/// Whether SIGINT arrived since the last call (and clears it, and the pipe's wake-up bytes).
int gov_take_interrupt(void);

/// Between lines: the terminal without echo or line editing (signals and output processing kept), so keys
/// typed while gov works wait unseen for the next prompt and a Ctrl-D is not lost. The terminal's first mode
/// is kept and comes back at exit (atexit) or on `gov_terminal_release`. Nothing when stdin is not a terminal.
void gov_terminal_hold(void);
void gov_terminal_release(void);

/// The terminal's width in columns, or 0 when `fd` is not a terminal.
int gov_terminal_columns(int fd);

#endif

#include "CEditLine.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int gov_ensure_utf8_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8") || setlocale(LC_CTYPE, "en_US.UTF-8")) return 1;
    return 0;
}

// libedit asks for the prompt on every redraw, through a callback without context: the text is kept here.
static char prompt_text[1024] = "";

static char *current_prompt(EditLine *editor) {
    (void)editor;
    return prompt_text;
}

void gov_el_set_prompt(EditLine *editor, const char *prompt) {
    (void)editor;
    if (!prompt) prompt = "";
    size_t length = strlen(prompt);
    if (length >= sizeof prompt_text) {
        // Too long: cut before the character that does not fit whole, never inside its UTF-8 bytes.
        length = sizeof prompt_text - 1;
        while (length > 0 && ((unsigned char)prompt[length] & 0xC0) == 0x80) length--;
    }
    memcpy(prompt_text, prompt, length);
    prompt_text[length] = '\0';
}

// Ctrl-C while a line is typed. The SIGINT handler sets a flag and writes a byte to a pipe; the terminal
// read below waits on the terminal and that pipe together, so an interrupt that arrives just *before* the
// read blocks still wakes it. (libedit's own read tests nothing before read(2): under load the signal often
// came between the redisplay and the read, libedit's handler had already put the terminal in cooked mode,
// and the read then blocked in cooked mode with the line not abandoned.)
static volatile sig_atomic_t interrupted = 0;
static int wake_pipe[2] = {-1, -1};
// Job control. libedit's handlers for SIGTSTP and SIGCONT, installed for the length of el_gets, put back
// the ones they found after their first signal: from the second Ctrl-Z of a line on, these run. Stopping gives the terminal back in the user's mode first; resuming wakes the
// reader, which has libedit take the terminal again and redraw the line (or, between lines, holds it again).
static struct termios original_mode;
static struct termios held_mode;
static volatile sig_atomic_t have_original_mode = 0;
static volatile sig_atomic_t holding = 0;
static volatile sig_atomic_t continued = 0;

static void stop_for_job_control(int signal_number) {
    (void)signal_number;
    int saved = errno;
    if (have_original_mode) (void)tcsetattr(STDIN_FILENO, TCSADRAIN, &original_mode);
    struct sigaction standard, ours;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    sigaction(SIGTSTP, &standard, &ours);
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &stop, NULL);
    raise(SIGTSTP);
    // Resumed (fg).
    sigaction(SIGTSTP, &ours, NULL);
    errno = saved;
}

static void note_continue(int signal_number) {
    (void)signal_number;
    int saved = errno;
    if (holding) {
        (void)tcsetattr(STDIN_FILENO, TCSANOW, &held_mode);
    } else {
        continued = 1;
        if (wake_pipe[1] >= 0) (void)!write(wake_pipe[1], "", 1);
    }
    errno = saved;
}

static void note_interrupt(int signal_number) {
    (void)signal_number;
    int saved = errno;
    interrupted = 1;
    if (wake_pipe[1] >= 0) (void)!write(wake_pipe[1], "", 1);
    errno = saved;
}

static void drain_wake_pipe(void) {
    char bytes[64];
    if (wake_pipe[0] < 0) return;
    while (read(wake_pipe[0], bytes, sizeof bytes) > 0) {}
}

/// Waits until `fd` has a byte or an interrupt is pending. 1: readable; -1 with errno EINTR: interrupted.
/// Other signals (a resized window, a resumed job) only make the wait start again, after a redisplay.
static int wait_for_input(EditLine *editor, int fd) {
    for (;;) {
        if (interrupted) {
            errno = EINTR;
            return -1;
        }
        struct pollfd waits[2] = {{.fd = fd, .events = POLLIN}, {.fd = wake_pipe[0], .events = POLLIN}};
        int ready = poll(waits, wake_pipe[0] >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno != EINTR) return -1;
            if (!interrupted) el_set(editor, EL_REFRESH);
            continue;
        }
        if (interrupted) continue;
        if (waits[1].revents & POLLIN) drain_wake_pipe();
        if (continued) {
            // libedit still believes it holds the terminal (the stop handler gave it back behind its
            // back): out of its mode and in again, so it does set the terminal up.
            continued = 0;
            el_set(editor, EL_PREP_TERM, 0);
            el_set(editor, EL_PREP_TERM, 1);
            el_set(editor, EL_REFRESH);
        }

        if (waits[0].revents) return 1;
    }
}

/// libedit's character reader (EL_GETCFN), as its built-in one but interruptible: one byte at a time
/// from the terminal, decoded from the locale's multibyte encoding (UTF-8) into one wide character.
/// Returns 1 with a character, 0 at end of input, -1 with errno set on an error or EINTR on Ctrl-C.
static int read_character(EditLine *editor, wchar_t *character) {
    int fd = fileno(stdin);
    holding = 0;
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    *character = L'\0';
    for (;;) {
        if (wait_for_input(editor, fd) < 0) return -1;
        ssize_t got = read(fd, bytes + count, 1);
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return -1;
        }
        if (got == 0) return 0;
        count++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t decoded = mbrtowc(character, bytes, count, &state);
        if (decoded == (size_t)-2) {
            if (count < sizeof bytes) continue;
            errno = EILSEQ;
            return -1;
        }
        if (decoded == (size_t)-1) {
            // An invalid sequence: drop it, but keep its last byte, which may start the next character.
            if (count > 1) {
                bytes[0] = bytes[count - 1];
                count = 1;
                memset(&state, 0, sizeof state);
                decoded = mbrtowc(character, bytes, count, &state);
                if (decoded == (size_t)-2) continue;
                if (decoded != (size_t)-1) return 1;
            }
            count = 0;
            continue;
        }
        return 1;
    }
}

EditLine *gov_el_open(const char *program, History *list) {
    EditLine *editor = el_init(program, stdin, stdout, stderr);
    if (!editor) return NULL;
    el_set(editor, EL_EDITOR, "emacs");
    el_set(editor, EL_SIGNAL, 1);
    el_set(editor, EL_PROMPT, current_prompt);
    el_set(editor, EL_GETCFN, read_character);
    if (list) el_set(editor, EL_HIST, history, list);
    el_source(editor, NULL);
    return editor;
}

int gov_el_bind_function(EditLine *editor, const char *name, const char *help,
                         unsigned char (*function)(EditLine *, int), const char *key) {
    if (el_set(editor, EL_ADDFN, name, help, function) != 0) return -1;
    return el_set(editor, EL_BIND, key, name, NULL);
}

void gov_el_set_client_data(EditLine *editor, void *data) {
    el_set(editor, EL_CLIENTDATA, data);
}

void *gov_el_client_data(EditLine *editor) {
    void *data = NULL;
    el_get(editor, EL_CLIENTDATA, &data);
    return data;
}

History *gov_history_open(int size) {
    History *list = history_init();
    if (!list) return NULL;
    HistEvent event;
    history(list, &event, H_SETSIZE, size);
    return list;
}

void gov_history_close(History *list) {
    if (list) history_end(list);
}

int gov_history_enter(History *list, const char *entry) {
    HistEvent event;
    return history(list, &event, H_ENTER, entry);
}

void gov_install_interrupt_flag(void) {
    // A blocked mask is inherited across exec (from a test runner, a service manager): Ctrl-C, a closed
    // terminal and a resized window must reach this process, so their signals are unblocked here.
    sigset_t terminal;
    sigemptyset(&terminal);
    int signals[] = {SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&terminal, signals[i]);
    sigprocmask(SIG_UNBLOCK, &terminal, NULL);

    if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a read in progress elsewhere (a y/N question) returns with EINTR too.
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);

    // A resume only wakes the reader; other reads and writes carry on (SA_RESTART).
    action.sa_flags = SA_RESTART;
    action.sa_handler = note_continue;
    sigaction(SIGCONT, &action, NULL);
    // Only a process whose Ctrl-Z the shell can take back handles it (not one started with SIGTSTP ignored).
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler != SIG_IGN) {
        action.sa_handler = stop_for_job_control;
        sigaction(SIGTSTP, &action, NULL);
    }
}

void gov_el_prepare(EditLine *editor) {
    (void)editor;
    // A resume between lines was handled then (the terminal held again); the new line starts afresh.
    continued = 0;
}

// Between two lines gov is at work (evaluating, writing a file) and nothing reads the terminal. In the
// terminal's own cooked mode the tty would echo what is typed meanwhile (and libedit show it again at the
// prompt), and would turn a Ctrl-D into an end of line that nobody reads, so it was lost. Between lines the
// terminal is kept without echo and without line editing: type-ahead and Ctrl-D wait, unseen, for the
// next prompt, where libedit reads them as keys. Signals (Ctrl-C, Ctrl-Z) and output processing stay on.
// (libedit learns the user's mode only from a terminal in canonical mode, so this one never becomes its
// idea of "cooked".) The mode the terminal had first comes back when the process exits.

static void restore_terminal(void) {
    if (have_original_mode) (void)tcsetattr(STDIN_FILENO, TCSANOW, &original_mode);
}

void gov_terminal_hold(void) {
    if (!isatty(STDIN_FILENO)) return;
    struct termios mode;
    if (tcgetattr(STDIN_FILENO, &mode) != 0) return;
    if (!have_original_mode) {
        if (!(mode.c_lflag & ICANON)) return;
        original_mode = mode;
        have_original_mode = 1;
        atexit(restore_terminal);
    }
    mode.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ECHONL);
    mode.c_cc[VMIN] = 1;
    mode.c_cc[VTIME] = 0;
    held_mode = mode;
    holding = 1;
    (void)tcsetattr(STDIN_FILENO, TCSANOW, &mode);
}

void gov_terminal_release(void) {
    holding = 0;
    restore_terminal();
}

int gov_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    drain_wake_pipe();
    return was;
}

int gov_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

#include "CEditLine.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
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

EditLine *gov_el_open(const char *program, History *list) {
    EditLine *editor = el_init(program, stdin, stdout, stderr);
    if (!editor) return NULL;
    el_set(editor, EL_EDITOR, "emacs");
    el_set(editor, EL_SIGNAL, 1);
    el_set(editor, EL_PROMPT, current_prompt);
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

static volatile sig_atomic_t interrupted = 0;

static void note_interrupt(int signal_number) {
    (void)signal_number;
    interrupted = 1;
}

void gov_install_interrupt_flag(void) {
    // A blocked mask is inherited across exec (from a test runner, a service manager): Ctrl-C, a closed
    // terminal and a resized window must reach this process, so their signals are unblocked here.
    sigset_t terminal;
    sigemptyset(&terminal);
    int signals[] = {SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&terminal, signals[i]);
    sigprocmask(SIG_UNBLOCK, &terminal, NULL);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: the terminal read inside el_gets must return (EINTR) so the line can be abandoned.
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
}

int gov_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}

int gov_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

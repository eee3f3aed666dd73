//! Lets a timing test have the machine to itself: ordinary sessions share the gate, an
//! exclusive one waits until they are done and keeps new ones out until it is finished.
//! A thread that already holds a shared pass gets another one even while an exclusive session
//! waits, so a test with two browsers cannot deadlock itself.

use std::cell::Cell;
use std::sync::{Condvar, Mutex};

struct State {
    shared: usize,
    exclusive_active: bool,
    exclusive_waiting: usize,
}

static STATE: Mutex<State> = Mutex::new(State {
    shared: 0,
    exclusive_active: false,
    exclusive_waiting: 0,
});
static CHANGED: Condvar = Condvar::new();

thread_local! {
    static HELD_HERE: Cell<usize> = const { Cell::new(0) };
}

/// A pass through the gate; released on drop.
pub struct Pass {
    exclusive: bool,
}

pub fn enter(exclusive: bool) -> Pass {
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    if exclusive {
        state.exclusive_waiting += 1;
        while state.exclusive_active || state.shared > HELD_HERE.get() {
            state = CHANGED.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.exclusive_waiting -= 1;
        state.exclusive_active = true;
    } else {
        while state.exclusive_active || (state.exclusive_waiting > 0 && HELD_HERE.get() == 0) {
            state = CHANGED.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.shared += 1;
        HELD_HERE.set(HELD_HERE.get() + 1);
    }
    Pass { exclusive }
}

impl Drop for Pass {
    fn drop(&mut self) {
        let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
        if self.exclusive {
            state.exclusive_active = false;
        } else {
            state.shared -= 1;
            HELD_HERE.set(HELD_HERE.get().saturating_sub(1));
        }
        CHANGED.notify_all();
    }
}

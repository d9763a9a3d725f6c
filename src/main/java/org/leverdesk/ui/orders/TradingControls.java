package org.leverdesk.ui.orders;

/**
 * The trading switches the Orders view shows: pause/resume new jobs and the kill switch. The
 * composition root binds it to the scheduler and the risk gate; calls may block briefly (they may
 * write an event to the store), so the view makes them off the UI thread.
 */
public interface TradingControls {
    /** What the switches say now. */
    enum State {
        /** Jobs run and orders pass the risk gate. */
        ACTIVE,
        /** No new jobs start; open orders and positions stay as they are. */
        PAUSED,
        /** Kill switch: only cancels and closing orders pass. */
        HALTED;

        /** Pause is offered only while active. */
        public boolean canPause() {
            return this == ACTIVE;
        }

        /** Resume is offered while paused or halted; there is nothing to resume while active. */
        public boolean canResume() {
            return this != ACTIVE;
        }

        /** The kill switch is offered until it is pulled. */
        public boolean canHalt() {
            return this != HALTED;
        }
    }

    /** Stops new jobs from starting. */
    void pause();

    /** Lets jobs run again and releases the kill switch. */
    void resume();

    /** Pulls the kill switch: only cancels and closing orders pass until {@link #resume()}. */
    void halt();

    /** The current state. */
    State state();
}

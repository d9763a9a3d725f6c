-- Scheduler runs: one row per occurrence of a job the scheduler handled (started, then its outcome;
-- or missed). The latest occurrence per job tells a restarted scheduler what it already did, so a
-- job never runs twice for the same minute and a miss is reported once.
CREATE TABLE schedule_runs (
    job_key     VARCHAR(200)             NOT NULL,  -- strategy/job, e.g. regime/run
    occurrence  TIMESTAMP WITH TIME ZONE NOT NULL,  -- the planned instant
    strategy_id VARCHAR(64)              NOT NULL,
    job_name    VARCHAR(64)              NOT NULL,
    trading_day DATE                     NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    detail      VARCHAR(1000)            NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_schedule_runs PRIMARY KEY (job_key, occurrence),
    CONSTRAINT ck_schedule_runs_status CHECK (status IN ('STARTED', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'MISSED'))
);
CREATE INDEX ix_schedule_runs_day ON schedule_runs (trading_day);

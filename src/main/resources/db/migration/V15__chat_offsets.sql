-- Chat commands: where each chat transport's update stream was read up to. Telegram's getUpdates
-- offset is stored before a command runs, so a restart never processes an update twice.
CREATE TABLE chat_offsets (
    channel     VARCHAR(32)              NOT NULL,
    next_offset BIGINT                   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_chat_offsets PRIMARY KEY (channel)
);

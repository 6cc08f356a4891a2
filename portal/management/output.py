"""What the portal's commands share about their output."""

import logging
from contextlib import contextmanager


@contextmanager
def quiet(*logger_names):
    """Silence per-object log lines (Wagtail's page log, the task queue), which for a
    hundred pages would bury the summary."""
    loggers = [logging.getLogger(name) for name in logger_names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)

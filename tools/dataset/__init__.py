"""Dataset analysis on DuckDB: every statistic is computed over all rows of the file."""

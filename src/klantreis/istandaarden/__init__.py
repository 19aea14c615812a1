"""iWmo/iJw 3.2 codec: read, write and check messages. Plain Python: no Django import."""

// What the humanitarian module offers: its operations (one name each) and reads, never its tables.

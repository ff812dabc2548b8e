"""The console street: try Doorstep in a terminal, speaking as several neighbours, no token needed."""

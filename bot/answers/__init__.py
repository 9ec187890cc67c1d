"""One module per command: each turns an argument and a session into an Answer."""

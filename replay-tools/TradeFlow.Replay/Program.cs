// The tradeflow-replay executable: its verbs arrive with issue 9.
return 0;

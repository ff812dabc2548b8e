"""Doorstep on Matrix (matrix-nio with end-to-end encryption): rooms are streets, direct rooms are
private chats, reactions and replies stand in for buttons."""

-- Username.canonical() can be longer than the name: Locale.ROOT lower case turns "İ" (U+0130)
-- into "i" plus a combining dot above (U+0307), so a valid 150-character name may need 300
-- characters here. It is the only letter Java's lower case lengthens, and by one, so 300 covers
-- every name. Before this, such a sign-up failed with "Data too long" (a 503 to the visitor).
ALTER TABLE auth_user MODIFY username_canonical VARCHAR(300) NOT NULL;

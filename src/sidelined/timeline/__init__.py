"""The timeline stage: injury episodes built from reports, and the questions asked of them."""

//! The ephemeral resources: their models and the operations that open, renew and close them.
pub mod system_account_access_token;

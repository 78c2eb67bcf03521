//! The errors the API documents.
/// An error response the API documents, with the response kept whole.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {}
impl ::runtime::ApiErrorKind for ApiError {
    fn from_response(
        response: &::runtime::ErrorResponse,
        documented: &[u16],
    ) -> ::core::option::Option<Self> {
        let _ = (response, documented);
        ::core::option::Option::None
    }
    fn response(&self) -> &::runtime::ErrorResponse {
        match *self {}
    }
}
/// The result of an operation.
pub type Result<T> = ::core::result::Result<T, ::runtime::Error<ApiError>>;

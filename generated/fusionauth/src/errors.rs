//! The errors the API documents.
/// An error response the API documents, with the response kept whole.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request is invalid; the body lists the field errors. (HTTP 400, application/json)
    BadRequestError(::std::boxed::Box<::runtime::ErrorResponse>),
    /// The API key is missing or may not manage API keys. (HTTP 401, application/json)
    UnauthorizedError(::std::boxed::Box<::runtime::ErrorResponse>),
    /// The API key does not exist. (HTTP 404, application/json)
    NotFoundError(::std::boxed::Box<::runtime::ErrorResponse>),
}
impl ::runtime::ApiErrorKind for ApiError {
    fn from_response(
        response: &::runtime::ErrorResponse,
        documented: &[u16],
    ) -> ::core::option::Option<Self> {
        if !documented.contains(&response.status) {
            return ::core::option::Option::None;
        }
        match response.status {
            400u16 => {
                ::core::option::Option::Some(
                    ApiError::BadRequestError(::std::boxed::Box::new(response.clone())),
                )
            }
            401u16 => {
                ::core::option::Option::Some(
                    ApiError::UnauthorizedError(::std::boxed::Box::new(response.clone())),
                )
            }
            404u16 => {
                ::core::option::Option::Some(
                    ApiError::NotFoundError(::std::boxed::Box::new(response.clone())),
                )
            }
            _ => ::core::option::Option::None,
        }
    }
    fn response(&self) -> &::runtime::ErrorResponse {
        match self {
            ApiError::BadRequestError(response) => response,
            ApiError::UnauthorizedError(response) => response,
            ApiError::NotFoundError(response) => response,
        }
    }
}
/// The result of an operation.
pub type Result<T> = ::core::result::Result<T, ::runtime::Error<ApiError>>;

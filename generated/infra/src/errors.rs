//! The errors the API documents.
/// An error response the API documents, with the response kept whole.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request is malformed or fails validation. (HTTP 400, application/problem+json)
    BadRequestError(::std::boxed::Box<::runtime::ErrorResponse>),
    /// The access key is missing, expired or invalid. (HTTP 401, application/problem+json)
    UnauthorizedError(::std::boxed::Box<::runtime::ErrorResponse>),
    /// The access key may not perform this operation. (HTTP 403, application/problem+json)
    ForbiddenError(::std::boxed::Box<::runtime::ErrorResponse>),
    /// The access key does not exist. (HTTP 404, application/problem+json)
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
            403u16 => {
                ::core::option::Option::Some(
                    ApiError::ForbiddenError(::std::boxed::Box::new(response.clone())),
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
            ApiError::ForbiddenError(response) => response,
            ApiError::NotFoundError(response) => response,
        }
    }
}
/// The result of an operation.
pub type Result<T> = ::core::result::Result<T, ::runtime::Error<ApiError>>;

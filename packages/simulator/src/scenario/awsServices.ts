// AWS service codes the scenario may use, with the name Cost Explorer reports for them in the SERVICE
// dimension (GroupBy DIMENSION/SERVICE returns these long names, not the codes).
export const AWS_SERVICES = {
  AmazonEC2: 'Amazon Elastic Compute Cloud - Compute',
  AmazonRDS: 'Amazon Relational Database Service',
  AmazonS3: 'Amazon Simple Storage Service',
  AmazonDynamoDB: 'Amazon DynamoDB',
  AmazonElastiCache: 'Amazon ElastiCache',
  AmazonCloudFront: 'Amazon CloudFront',
  AmazonES: 'Amazon OpenSearch Service',
  AmazonKinesis: 'Amazon Kinesis',
  AWSQueueService: 'Amazon Simple Queue Service',
  AmazonSES: 'Amazon Simple Email Service',
  AmazonSNS: 'Amazon Simple Notification Service',
  AmazonCloudWatch: 'AmazonCloudWatch',
  AWSLambda: 'AWS Lambda',
  AmazonSageMaker: 'Amazon SageMaker',
  AWSDataTransfer: 'AWS Data Transfer',
  AmazonVPC: 'Amazon Virtual Private Cloud',
  AmazonEKS: 'Amazon Elastic Container Service for Kubernetes',
  AWSELB: 'Amazon Elastic Load Balancing',
} as const;

export type AwsServiceCode = keyof typeof AWS_SERVICES;

export const AWS_SERVICE_CODES = Object.keys(AWS_SERVICES) as AwsServiceCode[];

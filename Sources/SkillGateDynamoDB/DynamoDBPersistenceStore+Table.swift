public import SkillGateCore
import Synchronization

extension DynamoDBPersistenceStore {
    /// Creates the table if it does not exist — partition key `id` (string), on-demand capacity —
    /// and waits until it is active. With ``DynamoDBConfiguration/createsTable`` on, the store
    /// does this before its first request; call it yourself to do it at start-up instead.
    /// - Parameter wait: the longest to wait for a new table to become active.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.unavailable` when DynamoDB refuses or the table does not become active.
    public func createTableIfNeeded(wait: Duration = .seconds(30)) async throws(PersistenceError) {
        let table = configuration.table
        if try await tableStatus() == nil {
            var definition: JSONObject = ["TableName": .string(table), "BillingMode": "PAY_PER_REQUEST"]
            definition["AttributeDefinitions"] = [["AttributeName": .string(configuration.partitionKeyName), "AttributeType": "S"]]
            definition["KeySchema"] = [["AttributeName": .string(configuration.partitionKeyName), "KeyType": "HASH"]]
            do {
                _ = try await client.call("CreateTable", .object(definition))
            } catch let error as DynamoDBClient.ServiceError where error.type == "ResourceInUseException" {
                // Another process is creating it at the same moment: wait for it below.
            } catch let error as DynamoDBClient.ServiceError {
                throw error.persistenceError("CreateTable", table: table, endpoint: configuration.endpoint)
            } catch {
                throw PersistenceError(
                    .unavailable, "DynamoDB CreateTable for table \(table) at \(configuration.endpoint) failed: \(error)")
            }
        }
        let deadline = ContinuousClock.now.advanced(by: wait)
        while try await tableStatus() != "ACTIVE" {
            guard ContinuousClock.now < deadline else {
                throw PersistenceError(.unavailable, "DynamoDB table \(table) did not become ACTIVE within \(wait)")
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
        tableReady.withLock { $0 = true }
    }

    /// The table's status (`CREATING`, `ACTIVE`, …), or nil when there is no such table.
    private func tableStatus() async throws(PersistenceError) -> String? {
        do {
            let answer = try await client.call("DescribeTable", ["TableName": .string(configuration.table)])
            return answer["Table"]?["TableStatus"]?.stringValue ?? "UNKNOWN"
        } catch let error as DynamoDBClient.ServiceError where error.type == "ResourceNotFoundException" {
            return nil
        } catch let error as DynamoDBClient.ServiceError {
            throw error.persistenceError("DescribeTable", table: configuration.table, endpoint: configuration.endpoint)
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError(.unavailable, "DynamoDB DescribeTable at \(configuration.endpoint) was interrupted: \(type(of: error))")
        }
    }
}
